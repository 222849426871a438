// Test suite wall time: the root's `npm test` runner writes each phase's duration to the file
// named by TEST_PHASE_TIMINGS; the benchmark reads those figures instead of timing it twice.
// The suite's own output goes to a log file so stdout keeps only the table.
import { spawn } from 'node:child_process'
import { createWriteStream, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { ROOT_DIR, outDir } from '../lib/paths.mjs'

/** `env`: the environment the suite would get from `npm test` (not the bench's own changes). */
async function measureSuite(env) {
  const dir = outDir('suite')
  const timingsFile = path.join(dir, 'phase-timings.json')
  const logFile = path.join(dir, 'suite.log')
  rmSync(timingsFile, { force: true }) // never report a previous run's figures
  const log = createWriteStream(logFile)
  const started = performance.now()
  const exitCode = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-tests.mjs'], {
      cwd: ROOT_DIR,
      env: { ...env, TEST_PHASE_TIMINGS: timingsFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.pipe(log, { end: false })
    child.stderr.pipe(log, { end: false })
    child.on('error', reject)
    child.on('close', resolve)
  })
  log.end()
  const totalSeconds = (performance.now() - started) / 1000
  let phases = []
  try {
    phases = JSON.parse(readFileSync(timingsFile, 'utf8'))
  } catch {
    // No file: the runner failed before its first phase ended; the exit code says so.
  }
  return { exitCode, totalSeconds, phases, logFile }
}

export { measureSuite }
