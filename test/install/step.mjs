// One step of an install-test preparation (prepare-app.mjs, prepare-manual-app.mjs): run it,
// print its time under `[install]` (the lines npm test prints from a passing background task).
import { spawn } from 'node:child_process'

/**
 * Runs one step, printing its time; stops everything with the step's name when it fails. Async:
 * the registry server lives in the calling process and must keep answering while shadcn runs.
 */
async function step(name, command, args, options = {}) {
  const started = performance.now()
  const child = spawn(command, args, { stdio: 'inherit', ...options })
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (status !== 0) {
    console.error(`[install] ${name} failed (exit ${status}) after ${seconds} s`)
    process.exit(status ?? 1)
  }
  console.log(`[install] ${name}: ${seconds} s`)
}

export { step }
