// `npm test`: one gate, run phase by phase so a failure names its phase and each phase's time shows.
// Three builds later phases need run in the background, at a lower priority, so they fill the time
// the phases in front spend waiting (stories on real timers, npm on the disk): the install test's
// preparation (a fresh app, `shadcn add` of every registry item, tsc, next build), the reference
// app's `next build`, and `storybook build`. A phase waits only for the builds it needs.
// `node scripts/run-tests.mjs --dry-run` goes through the same plan with every command replaced by
// one that prints it: the order, the background starts and waits, and the output's shape.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, statSync } from 'node:fs'
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
 * @typedef {object} Task one command of the run
 * @property {string} name what the output's `=== name ===` header and the durations call it
 * @property {string} command
 * @property {string[]} args
 * @property {Record<string, string>} env added to this process's environment
 */

/** The phases, in order, one at a time in the foreground. @type {Task[]} */
const PHASES = [
  {
    // Two quick single-threaded checks, side by side on two cores (outputs printed whole, in turn).
    name: CHECKS_PHASE,
    command: process.execPath,
    args: ['scripts/side-by-side.mjs', 'typecheck', 'lint'],
    env: {},
  },
  { name: 'unit (vitest)', command: 'npx', args: ['vitest', 'run', '--project', 'unit'], env: {} },
  {
    // The story tests: each story's play function and a11y check, in the production build itself
    // (test/storybook-crawl). The vitest `storybook` project runs the same stories in dev mode
    // (`npm run test:stories`, Storybook's test widget); running both here would run them twice.
    name: CRAWL_PHASE,
    command: 'npx',
    args: ['playwright', 'test', '-c', 'playwright.storybook.config.ts'],
    env: {},
  },
  {
    name: E2E_PHASE,
    command: 'npx',
    args: ['playwright', 'test'],
    env: { E2E_ALREADY_BUILT: '1', INSTALL_APP_DIR: installAppDir },
  },
]

/**
 * The builds in the background: each `startsAfter` the phase that must end first (null: at once)
 * and is `neededBy` the phase that waits for it. `worthPrinting` picks the lines of its log to
 * print when it passes (all of it when it fails).
 * @type {Array<Task & { worthPrinting: (line: string) => boolean, startsAfter: string | null, neededBy: string }>}
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

const dryRun = process.argv.includes('--dry-run')
/** In a dry run, a task whose command prints what it would have run (and its log is printed). */
const planned = (task) =>
  dryRun
    ? {
        ...task,
        command: process.execPath,
        args: ['-e', `console.log(${JSON.stringify(`would run: ${describeTask(task)}`)})`],
        worthPrinting: () => true,
      }
    : task

const timings = []
const runStarted = performance.now()
const background = startBackground(null)

for (const phase of PHASES.map(planned)) {
  for (const task of background.filter((running) => running.neededBy === phase.name)) {
    await waitFor(task)
  }
  const started = performance.now()
  console.log(`\n=== ${phase.name} ===`)
  const { status } = spawnSync(phase.command, phase.args, {
    stdio: 'inherit',
    env: { ...process.env, ...phase.env },
  })
  record(phase.name, started)
  if (status !== 0) fail(phase.name, status, started)
  background.push(...startBackground(phase.name))
}
console.log(`\nPhase durations:\n  ${timings.join('\n  ')}`)
console.log(`  total: ${((performance.now() - runStarted) / 1000).toFixed(1)} s`)

/** Starts the background tasks that wait for `afterPhase` (null: those that start at once). */
function startBackground(afterPhase) {
  return BACKGROUND.filter((task) => task.startsAfter === afterPhase)
    .map(planned)
    .map(startInBackground)
}

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
  record(name, started, ended)
  if (status !== 0) fail(name, status, started)
}

function record(name, started, ended = performance.now()) {
  timings.push(`${name}: ${((ended - started) / 1000).toFixed(1)} s`)
}

function fail(name, status, started) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.error(`\n${name} failed (exit ${status}) after ${seconds} s`)
  process.exit(status ?? 1)
}

function describeTask({ command, args, env }) {
  const program = command === process.execPath ? 'node' : command
  const variables = Object.entries(env).map(([key, value]) => `${key}=${value}`)
  return [...variables, program, ...args].join(' ')
}
