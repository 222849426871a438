// `npm test`: one gate, run phase by phase so a failure names its phase and each phase's time shows.
// The install test's preparation (a fresh app, `shadcn add` of every registry item, tsc, next
// build) waits mostly on npm and the disk, so it runs in the background from the start, and the
// e2e phase, which serves and tests that app, waits for it.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const E2E_PHASE = 'e2e: reference app + installed fixture (next build + next start + playwright)'
// Each phase: [name, command, args, extra env]. The first one's command runs two checks at once.
const PHASES = [
  // Two quick single-threaded checks, side by side on two cores (outputs printed whole, in turn).
  [
    'typecheck + lint (side by side)',
    process.execPath,
    ['scripts/side-by-side.mjs', 'typecheck', 'lint'],
  ],
  ['unit + stories (vitest)', 'npx', ['vitest', 'run']],
  // The typecheck phase above already failed the run on any type error: the e2e build skips
  // Next's identical second check (see next.config.ts).
  [E2E_PHASE, 'npx', ['playwright', 'test'], { TYPECHECKED_BY_NPM_TEST: '1' }],
]

const timings = []
const measured = []
const runStarted = performance.now()

const work = mkdtempSync(path.join(os.tmpdir(), 'session-kit-install-'))
const installAppDir = path.join(work, 'app')
const installLog = path.join(work, 'prepare.log')
const installPrepared = startInstallPreparation()

for (const [name, command, args, env = {}] of PHASES) {
  if (name === E2E_PHASE) await waitForInstallPreparation()
  const started = performance.now()
  console.log(`\n=== ${name} ===`)
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, INSTALL_APP_DIR: installAppDir, ...env },
  })
  record(name, started, status)
  if (status !== 0) fail(name, status, started)
}
console.log(`\nPhase durations:\n  ${timings.join('\n  ')}`)
console.log(`  total: ${((performance.now() - runStarted) / 1000).toFixed(1)} s`)

function startInstallPreparation() {
  const started = performance.now()
  const log = openSync(installLog, 'w')
  // Output to a file, not a pipe: the phases below block this process, and a full pipe would
  // stall the preparation.
  const child = spawn(process.execPath, ['test/install/prepare-app.mjs'], {
    stdio: ['ignore', log, log],
    env: { ...process.env, INSTALL_APP_DIR: installAppDir },
  })
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, started })))
}

async function waitForInstallPreparation() {
  const name = 'install test: fresh app + shadcn add + tsc + next build (in the background)'
  const waitStarted = performance.now()
  const { status, started } = await installPrepared
  console.log(`\n=== ${name} ===`)
  const output = readFileSync(installLog, 'utf8')
  // Its step timings always; the whole log only when it failed (npm's output is long).
  console.log(
    status === 0
      ? output
          .split('\n')
          .filter((line) => line.startsWith('[install]'))
          .join('\n')
      : output,
  )
  console.log(
    `(waited ${((performance.now() - waitStarted) / 1000).toFixed(1)} s for it after the phases above)`,
  )
  record(name, started, status)
  if (status !== 0) fail(name, status, started)
}

function record(name, started, status) {
  const seconds = (performance.now() - started) / 1000
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
