// bench/RESULTS.md: the table plus what a reader needs to trust it (machine, versions, method)
// and the details behind the figures. Formatted with the root's Prettier so `npm test` stays green.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import prettier from 'prettier'
import { ROOT_DIR } from './paths.mjs'
import { SEEDED_SESSIONS, SEEDED_USERS } from '../verify/revocation.mjs'
import { skewLabel } from './rows.mjs'

const list = (items) => items.map((item) => `- ${item}`).join('\n')

function machineSection(m, seconds, args) {
  const versions = (packages) =>
    Object.entries(packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')
  return list([
    `Date: ${m.date}`,
    `Machine: ${m.cores} cores, ${m.cpu}, ${m.memoryGb} GB RAM; 1-minute load average when the run started: ${m.loadAtStart.toFixed(2)} (${m.cores}.00 = every core busy with other work)`,
    `Node ${m.node}; Chromium from CHROMIUM_PATH or /usr/bin/chromium, headless`,
    `Kit dependencies (root install): ${versions(m.kitPackages)}`,
    `Compared packages (bench/ install): ${versions(m.benchPackages)}`,
    `Command: \`node bench/run.mjs${args.length ? ` ${args.join(' ')}` : ''}\`, ${seconds.toFixed(0)} s in all`,
  ])
}

function sizeSection(sizes) {
  const kit = sizes.find((s) => s.id === 'kit-core')
  const entry = sizes.find((s) => s.id === 'kit-core-entry')
  const toast = sizes.find((s) => s.id === 'kit-toast')
  const toastEntry = sizes.find((s) => s.id === 'kit-toast-entry')
  const entryHasSonner = entry.contributors.some((c) => c.module === 'sonner' && c.bytes > 0)
  const bytes = (n) => n.toLocaleString('en-US')
  const top = kit.contributors.slice(0, 10).map((c) => `\`${c.module}\`: ${bytes(c.bytes)} B`)
  // What the entry adds beyond the same names imported file by file (its own entry files aside).
  const extra = entry.contributors.filter(
    (c) =>
      c.bytes > 0 &&
      !c.module.includes('size/entries/') &&
      !kit.contributors.some((k) => k.module === c.module),
  )
  return [
    'esbuild, `bundle + minify`, ESM for the browser, `NODE_ENV=production`; react, react-dom and',
    'next (with subpaths) external; gzip level 9. Each entry (`bench/size/entries/`) imports exactly',
    'the compared names and renders them. Sizes depend only on the installed versions: one build each.',
    '',
    'Where the kit core comes from (minified bytes per module, before gzip):',
    '',
    list(top),
    '',
    "The kit's size targets are on the first two rows: the core with jotai, and its own code",
    '(jotai external: the kit keeps jotai, so the target presses on its own code).',
    '',
    extra.length
      ? `Importing the same names through \`src/client.ts\` also bundles ${extra
          .map((c) => `\`${c.module}\` (${bytes(c.bytes)} B min)`)
          .join(', ')}: unused re-exports whose modules have top-level side effects are kept.`
      : 'Importing the same names through `src/client.ts` adds nothing: unused re-exports tree-shake away.',
    '',
    `The \`src/client.ts\` bundle ${entryHasSonner ? 'includes' : 'has no'} sonner. With ExpiryToast`,
    `from its own entry, \`src/toast.ts\`, the core and the toast come to ${bytes(toastEntry.gzipBytes)} B`,
    `gzip through the two entries, against ${bytes(toast.gzipBytes)} B imported file by file.`,
  ].join('\n')
}

function revocationSection(revocation) {
  const stateless = revocation.find((r) => r.id === 'stateless')
  return [
    "The kit's `decryptSession` alone beside `decryptSession` + the store check the route and the",
    'DAL make (`isSessionRevoked`: one store call under the timeout), in one process: sequential',
    'awaited calls in short slices, the candidates alternating within each round, so each',
    "round's difference to the stateless slice beside it is what the check added. SQLite: a",
    'better-sqlite3 file in a temp dir (WAL). Redis: node-redis to a redis-server started for the',
    `run on a free loopback port. Each store first holds ${SEEDED_SESSIONS.toLocaleString('en-US')} revoked sessions and`,
    `${SEEDED_USERS.toLocaleString('en-US')} user cut-offs; the measured token is not revoked (a signed-in request).`,
    '',
    `Stateless median: ${stateless.msPerVerify.median.toFixed(4)} ms per verify.`,
  ].join('\n')
}

function dalSection(dal) {
  return [
    `${dal.components} async Server Components each await \`getSession()\` of one`,
    '`createSessionDal({ loadUser })`, rendered with the Flight renderer and React that Next vendors',
    '(`next/dist/compiled/react-server-dom-webpack`, `react-server` condition), one render per request.',
    '`next/headers` is a shim returning the request cookie from an AsyncLocalStorage (no Next server).',
    'Decrypts are counted at `node:crypto` `createDecipheriv` and `crypto.subtle.decrypt` (every AES-GCM opening, on either path), loadUser by the app.',
    `Rendered "authenticated" ${dal.rendered} times. Decrypts / loadUser calls: one render`,
    `${dal.oneRender.decrypts} / ${dal.oneRender.loadUser}; two renders ${dal.twoRenders.decrypts} /`,
    `${dal.twoRenders.loadUser}; the same`,
    `${dal.components} calls outside a render (React's cache has no request there): ${dal.outside.decrypts}.`,
  ].join('\n')
}

function economySection(economy) {
  const signOut = economy.find((row) => row.id === 'sign-out')
  const tabs = Object.entries(signOut.results).map(
    ([app, r]) =>
      `${app}: ${r.example.map((reqs, i) => `tab ${i + 1} [${reqs.join(', ') || 'none'}]`).join('; ')}`,
  )
  const firstRuns = economy
    .filter((row) => row.id !== 'sign-out')
    .flatMap((row) =>
      Object.entries(row.results).map(
        ([app, r]) =>
          `${row.label}, ${app}: ${r.example.length} request${r.example.length === 1 ? '' : 's'}` +
          (r.example.length ? ` (${[...new Set(r.example)].join(', ')})` : ''),
      ),
    )
  return [
    'One harness for both providers (`bench/browser/`): a bare page in headless Chromium, a local',
    'server answering after 100 ms, and a counting `fetch` installed before the app (a request is',
    'in flight from the call until its response arrives). `next/navigation` is a small shim whose',
    '`navigate()` changes the pathname under a mounted provider, as an App Router navigation does.',
    'Focus events are `focus` on window plus `visibilitychange` on document (what a tab switch',
    'fires). Sign-out: five tabs in one browser context; tab 1 calls the library sign-out',
    '(kit: `useSession().signOut()`; next-auth: `signOut({ redirect: false })`, so the tab stays',
    'to be counted); counts are the requests each tab made afterwards. First run of each:',
    '',
    list([...firstRuns, ...tabs]),
  ].join('\n')
}

function httpSection(http) {
  return [
    'A minimal Next app generated into a temp dir (`bench/http/next-app.mjs`) with two route',
    "handlers: `GET /api/session`, the kit's `createSessionRoute` imported through",
    '`@/lib/session/server` as the reference app does, with an in-memory `loadUser`; and',
    '`GET /api/ping`, a constant `{ ok: true }`. `next build --webpack` (Turbopack refuses the',
    'symlinked node_modules this app and a git worktree have) and `next start` with',
    "`NODE_ENV=production` and the run's `SESSION_SECRET`. Every session request carries a valid",
    "cookie minted by the kit's `encryptSession`, so it opens the token and loads the user.",
    `In each of ${http.rounds} rounds, both routes (alternating which goes first) get`,
    `${http.requests} keep-alive requests at each concurrency (${http.concurrencies.join(', ')}),`,
    "from a small load generator in the bench's own process. Server CPU is the `next start`",
    "process tree's utime + stime from `/proc/<pid>/stat` (10 ms ticks) before and after each",
    "batch, divided by its requests; a round's CPU figure is the mean over its concurrencies, and",
    'the ratio is taken per round. Both routes pay the same HTTP and Next routing cost, so the',
    'ratio says how much the session check adds to a request.',
  ].join('\n')
}

function expirySection(e) {
  const examples = e.skews.map(
    (s) =>
      `client clock ${skewLabel(s.skewMs)}: requests at ` +
      `${s.example.requestTimesMs.map((ms) => `${ms > 0 ? '+' : ''}${ms} ms`).join(', ') || 'none'}`,
  )
  return [
    "The kit's provider, ExpiryToast and sonner's Toaster in a page, against the kit's own server",
    "side (`bench/browser/kit-server.mjs`): the page is served with the cookie the kit's",
    `\`createSession\` sets (a session of ${e.sessionSeconds} s), rendered on the server with what`,
    "the kit's route answers for that cookie as its `initialSession` and hydrated, as a Next",
    "layout's page is; `GET /api/session` is the kit's `createSessionRoute`. The",
    "server keeps real time; the page's clock is shifted by the skew (`Date` and",
    '`performance.timeOrigin`, by an init script), as a wrong system clock would. The browser keeps',
    'or drops the cookie by its own rules. All in real time, measured on the server clock: when',
    'the toast entered the DOM (a MutationObserver noting the true time) and when each session',
    "request arrived, relative to the session's expiresAt. Request times in the first run at each",
    'skew (ms after expiresAt):',
    '',
    list(examples),
  ].join('\n')
}

function suiteSection(suite) {
  if (suite === null) return 'Skipped in this run (`--skip-suite`).'
  return [
    '`node scripts/run-tests.mjs` (what `npm test` runs), timed from start to exit by the benchmark;',
    'the phase times are the "Phase durations" the runner prints at the end of a passing run (of a',
    'failing run, the failed phase). A phase run in the background overlaps the phases after it,',
    'so the phases add up to more than the whole run.',
    `Exit code ${suite.exitCode}; its output is in \`${path.relative(ROOT_DIR, suite.logFile)}\`.`,
  ].join('\n')
}

async function writeResults(file, r) {
  const markdown = [
    '# Benchmarks: next-session-kit side by side',
    'Written by `npm run bench` (`bench/run.mjs`); every figure below was measured in that run.',
    'The same rows, with their values, units and targets as thresholds: `bench/results.json`.',
    'Where a figure varies, it shows min / median / max over the runs given.',
    '## Machine',
    machineSection(r.machine, r.seconds, r.args),
    '## Results',
    r.table,
    '## 1. Client size',
    sizeSection(r.sizes),
    '## 2. GET /api/session over HTTP',
    httpSection(r.http),
    '## 2. The revocation check',
    revocationSection(r.revocation),
    '## 2. getSession() dedupe',
    dalSection(r.dal),
    '## 3. Request economy',
    economySection(r.economy),
    '## 4. Expiry to toast',
    expirySection(r.expiry),
    '## 5. Test suite',
    suiteSection(r.suite),
  ].join('\n\n')
  const options = (await prettier.resolveConfig(file)) ?? {}
  writeFileSync(file, await prettier.format(markdown, { ...options, filepath: file }))
}

export { writeResults }
