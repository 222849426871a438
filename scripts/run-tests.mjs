// `npm test`: one gate, run phase by phase so a failure names its phase and each phase's time shows.
// Three builds later phases need run in the background, at a lower priority, so they fill the time
// the phases in front spend waiting (stories on real timers, npm on the disk): the install test's
// preparation (a fresh app, `shadcn add` of every registry item, tsc, next build), the reference
// app's `next build`, and `storybook build`. A phase waits only for the builds it needs.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const require = createRequire(import.meta.url)
const NEXT_BIN = require.resolve('next/dist/bin/next')
const STORYBOOK_BIN = path.join(
  path.dirname(require.resolve('storybook/package.json')),
  'dist/bin/dispatcher.js',
)
const work = mkdtempSync(path.join(os.tmpdir(), 'session-kit-install-'))
const installAppDir = path.join(work, 'app')

const CHECKS_PHASE = 'typecheck + lint (side by side)'
const CRAWL_PHASE = 'built Storybook: every story (play + a11y) and docs page (playwright)'
const E2E_PHASE = 'e2e: reference app + installed fixture (next start + playwright)'

/**
 * A build in the background: `startsAfter` the phase that must end first (null: at once),
 * `neededBy` the phase that waits for it. `worthPrinting` picks the lines of its log to print when
 * it passes (all of it when it fails).
 */
const BACKGROUND = [
  {
    name: 'install test: fresh app + shadcn add + tsc + next build',
    command: process.execPath,
    args: ['test/install/prepare-app.mjs'],
    env: { INSTALL_APP_DIR: installAppDir },
    worthPrinting: (line) => line.startsWith('[install]'),
    startsAfter: null,
    neededBy: E2E_PHASE,
  },
  {
    name: 'reference app: next build (for e2e)',
    command: process.execPath,
    args: [NEXT_BIN, 'build'],
    // The typecheck phase fails the run on any type error: the build skips Next's identical
    // second check (see next.config.ts).
    env: { TYPECHECKED_BY_NPM_TEST: '1', NEXT_TELEMETRY_DISABLED: '1' },
    worthPrinting: () => false,
    // Not beside tsc: the build writes .next/types and next-env.d.ts, which tsc reads.
    startsAfter: CHECKS_PHASE,
    neededBy: E2E_PHASE,
  },
  {
    // The Storybook users deploy (NODE_ENV=production), built once: the crawl phase serves it.
    // `storybook build` alone, not `npm run build-storybook`: the install preparation has already
    // built the registry into public/r (its first step, done long before the checks are), which
    // the build copies as it is; building it again here would rewrite files it is serving.
    name: 'storybook build (storybook-static/, for the crawl)',
    command: process.execPath,
    args: [STORYBOOK_BIN, 'build', '--quiet'],
    env: {},
    worthPrinting: () => false,
    startsAfter: CHECKS_PHASE,
    neededBy: CRAWL_PHASE,
  },
]
// Each phase: [name, command, args, extra env].
const PHASES = [
  // Two quick single-threaded checks, side by side on two cores (outputs printed whole, in turn).
  [CHECKS_PHASE, process.execPath, ['scripts/side-by-side.mjs', 'typecheck', 'lint']],
  ['unit (vitest)', 'npx', ['vitest', 'run', '--project', 'unit']],
  // The story tests: each story's play function and a11y check, in the production build itself
  // (test/storybook-crawl). The vitest `storybook` project runs the same stories in dev mode
  // (`npm run test:stories`, Storybook's test widget); running both here would run them twice.
  [CRAWL_PHASE, 'npx', ['playwright', 'test', '-c', 'playwright.storybook.config.ts']],
  [
    E2E_PHASE,
    'npx',
    ['playwright', 'test'],
    { E2E_ALREADY_BUILT: '1', INSTALL_APP_DIR: installAppDir },
  ],
]

const timings = []
const measured = []
const runStarted = performance.now()
const background = BACKGROUND.filter((task) => task.startsAfter === null).map(startInBackground)

for (const [name, command, args, env = {}] of PHASES) {
  for (const task of background.filter((running) => running.neededBy === name)) await waitFor(task)
  const started = performance.now()
  console.log(`\n=== ${name} ===`)
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  record(name, started, status)
  if (status !== 0) fail(name, status, started)
  background.push(...BACKGROUND.filter((task) => task.startsAfter === name).map(startInBackground))
}
console.log(`\nPhase durations:\n  ${timings.join('\n  ')}`)
console.log(`  total: ${((performance.now() - runStarted) / 1000).toFixed(1)} s`)

function startInBackground({ name, command, args, env, worthPrinting, neededBy }) {
  const started = performance.now()
  const logFile = path.join(work, `${name.replace(/[^a-z0-9]+/gi, '-')}.log`)
  const log = openSync(logFile, 'w')
  // Output to a file, not a pipe: the phases block this process, and a full pipe would stall it.
  const child = spawn(command, args, {
    stdio: ['ignore', log, log],
    env: { ...process.env, ...env },
  })
  // Lower priority (its own children inherit it): the phases in front get the cores first.
  os.setPriority(child.pid, 10)
  // spawnSync blocks this process during the phases, so 'exit' is seen late: its end is the
  // moment its log was last written (its last line comes as it finishes).
  const done = new Promise((resolve) =>
    child.on('exit', (status) => {
      const lastWrite = statSync(logFile).mtimeMs - performance.timeOrigin
      resolve({ status, ended: Math.min(lastWrite, performance.now()) })
    }),
  )
  return { name: `${name} (in the background)`, started, logFile, worthPrinting, neededBy, done }
}

async function waitFor({ name, started, logFile, worthPrinting, done }) {
  const waitStarted = performance.now()
  const { status, ended } = await done
  console.log(`\n=== ${name} ===`)
  const output = readFileSync(logFile, 'utf8')
  // A few lines when it passed; the whole log when it failed.
  console.log(status === 0 ? output.split('\n').filter(worthPrinting).join('\n') : output)
  const waited = ((performance.now() - waitStarted) / 1000).toFixed(1)
  console.log(`(waited ${waited} s for it after the phases above)`)
  record(name, started, status, ended)
  if (status !== 0) fail(name, status, started)
}

function record(name, started, status, ended = performance.now()) {
  const seconds = (ended - started) / 1000
  timings.push(`${name}: ${seconds.toFixed(1)} s`)
  measured.push({ phase: name, seconds: Number(seconds.toFixed(2)), exitCode: status })
  writeTimings()
}

function fail(name, status, started) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.error(`\n${name} failed (exit ${status}) after ${seconds} s`)
  process.exit(status ?? 1)
}

// The benchmark (bench/) reads these figures instead of timing the suite a second way.
function writeTimings() {
  const file = process.env.TEST_PHASE_TIMINGS
  if (file) writeFileSync(file, `${JSON.stringify(measured, null, 2)}\n`)
}
