// `node scripts/side-by-side.mjs typecheck lint`: runs those npm scripts at the same time and
// prints each one's output whole, one after the other (never interleaved), with its time. Exits
// 0 when all passed, else with the first failure's exit code.
import { spawn } from 'node:child_process'

/** @param {Array<{ name: string, command: string, args: string[] }>} commands */
async function runSideBySide(commands) {
  const results = await Promise.all(
    commands.map(
      ({ name, command, args }) =>
        new Promise((resolve) => {
          const started = performance.now()
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
          let output = ''
          child.stdout.on('data', (chunk) => (output += chunk))
          child.stderr.on('data', (chunk) => (output += chunk))
          child.on('close', (status) =>
            resolve({ name, status, output, seconds: (performance.now() - started) / 1000 }),
          )
        }),
    ),
  )
  for (const { name, status, output, seconds } of results) {
    const verdict = status === 0 ? 'passed' : `FAILED (exit ${status})`
    console.log(`--- ${name}: ${verdict} in ${seconds.toFixed(1)} s ---`)
    if (output.trim()) console.log(output.trimEnd())
  }
  return results.find((result) => result.status !== 0)?.status ?? 0
}

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: node scripts/side-by-side.mjs <npm script> [<npm script> ...]')
  process.exit(2)
}
process.exit(
  await runSideBySide(
    scripts.map((name) => ({ name, command: 'npm', args: ['run', '--silent', name] })),
  ),
)
