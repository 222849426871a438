// `npm test`: one gate, run phase by phase so a failure names its phase and each phase's time shows.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'

const PHASES = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit + stories (vitest)', 'npx', ['vitest', 'run']],
  // The typecheck phase above already failed the run on any type error: the e2e build skips
  // Next's identical second check (see next.config.ts).
  [
    'e2e (next build + next start + playwright)',
    'npx',
    ['playwright', 'test'],
    { TYPECHECKED_BY_NPM_TEST: '1' },
  ],
]

const timings = []
const measured = []
for (const [name, command, args, env = {}] of PHASES) {
  const started = performance.now()
  console.log(`\n=== ${name} ===`)
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = (performance.now() - started) / 1000
  timings.push(`${name}: ${seconds.toFixed(1)} s`)
  measured.push({ phase: name, seconds: Number(seconds.toFixed(2)), exitCode: status })
  writeTimings()
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status}) after ${seconds.toFixed(1)} s`)
    process.exit(status ?? 1)
  }
}
console.log(`\nPhase durations:\n  ${timings.join('\n  ')}`)

// The benchmark (bench/) reads these figures instead of timing the suite a second way.
function writeTimings() {
  const file = process.env.TEST_PHASE_TIMINGS
  if (file) writeFileSync(file, `${JSON.stringify(measured, null, 2)}\n`)
}
