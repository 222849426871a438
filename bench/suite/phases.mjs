// Test suite wall time: the benchmark runs the root's `npm test` runner as any caller would and
// times the whole run itself. The per-phase figures are the "Phase durations:" lines the runner
// prints at the end of every passing run (the lines a developer reads); the runner knows nothing
// about the benchmark. The suite's output goes to a log file so stdout keeps only the table.
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { ROOT_DIR, outDir } from '../lib/paths.mjs'

const SUMMARY_HEADER = 'Phase durations:'
// `  <phase>: 12.3 s`, one line per phase, then `  total: …` (the bench's own total replaces it).
const PHASE_LINE = /^ {2}(.+): (\d+(?:\.\d+)?) s$/
// `<phase> failed (exit 1) after 12.3 s`, on stderr, when a phase fails (no summary then).
const FAILED_LINE = /^(.+) failed \(exit (\d+|null)\) after (\d+(?:\.\d+)?) s$/

/** `env`: the environment the suite would get from `npm test` (not the bench's own changes). */
async function measureSuite(env) {
  const logFile = path.join(outDir('suite'), 'suite.log')
  const log = createWriteStream(logFile)
  let output = ''
  const started = performance.now()
  const exitCode = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-tests.mjs'], {
      cwd: ROOT_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk
        log.write(chunk)
      })
    }
    child.on('error', reject)
    child.on('close', resolve)
  })
  log.end()
  const totalSeconds = (performance.now() - started) / 1000
  return { exitCode, totalSeconds, phases: phasesFrom(output), logFile }
}

/** The phases the runner's output reports: the summary of a passing run, or the failed phase. */
function phasesFrom(output) {
  const lines = output.split('\n')
  const failed = lines.map((line) => FAILED_LINE.exec(line)).find(Boolean)
  if (failed) {
    return [{ phase: failed[1], seconds: Number(failed[3]), exitCode: Number(failed[2]) || 1 }]
  }
  const summary = lines.indexOf(SUMMARY_HEADER)
  if (summary === -1) return [] // it ended before its summary without naming a phase
  return lines
    .slice(summary + 1)
    .map((line) => PHASE_LINE.exec(line))
    .filter((match) => match !== null && match[1] !== 'total')
    .map((match) => ({ phase: match[1], seconds: Number(match[2]), exitCode: 0 }))
}

export { measureSuite }
