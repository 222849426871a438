// `npm run bench`: every figure of issue 6, measured now on this machine. Prints one table to
// stdout (progress goes to stderr) and writes bench/RESULTS.md. `--skip-suite` leaves out the
// ~3.5 min `npm test` timing for quick runs.
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { buildApps } from './browser/build-apps.mjs'
import { measureEconomy } from './browser/economy.mjs'
import { measureExpiry } from './browser/expiry.mjs'
import { launchChromium } from './browser/launch.mjs'
import { startPageServer } from './browser/page-server.mjs'
import { describeMachine } from './lib/machine.mjs'
import { BENCH_DIR } from './lib/paths.mjs'
import { writeReadmeSection } from './lib/readme-section.mjs'
import { writeResults } from './lib/results-file.mjs'
import * as rows from './lib/rows.mjs'
import { renderTable } from './lib/table.mjs'
import { measureSizes } from './size/measure.mjs'
import { measureSuite } from './suite/phases.mjs'
import { measureDalDedupe } from './verify/dal-dedupe.mjs'
import { measureThroughput } from './verify/throughput.mjs'

const THROUGHPUT_ROUNDS = 25 // short alternating rounds (see verify/throughput.mjs)
const ECONOMY_RUNS = 3
const EXPIRY_RUNS = 5
const DAL_COMPONENTS = 10

const skipSuite = process.argv.includes('--skip-suite')
const suiteEnv = { ...process.env } // before this process sets its own SESSION_SECRET
const log = (message) => console.error(`[bench] ${message}`)
const started = performance.now()
// Other work on the same 2 cores skews every figure: the reader gets the load this run started in.
const loadAtStart = os.loadavg()[0]

// A fresh secret per run, as an app would have one: the kit reads it from the environment.
process.env.SESSION_SECRET = randomBytes(32).toString('base64url')

log('1/5 client size (esbuild)')
const sizes = await measureSizes()
log(`2/5 verify throughput (${THROUGHPUT_ROUNDS} rounds) and DAL dedupe`)
const throughput = await measureThroughput({ rounds: THROUGHPUT_ROUNDS })
const dal = await measureDalDedupe({ components: DAL_COMPONENTS })

log(`3/5 request economy (${ECONOMY_RUNS} runs per scenario) and 4/5 expiry (${EXPIRY_RUNS} runs)`)
const server = await startPageServer(await buildApps())
const browser = await launchChromium()
let economy
let expiry
try {
  economy = await measureEconomy(browser, server, { runs: ECONOMY_RUNS })
  expiry = await measureExpiry(browser, server, { runs: EXPIRY_RUNS })
} finally {
  await browser.close()
  await server.close()
}

log(
  skipSuite
    ? '5/5 test suite skipped (--skip-suite)'
    : '5/5 test suite (node scripts/run-tests.mjs)',
)
const suite = skipSuite ? null : await measureSuite(suiteEnv)

const table = renderTable([
  ...rows.sizeRows(sizes),
  ...rows.throughputRows(throughput),
  ...rows.dalRows(dal),
  ...rows.economyRows(economy, ECONOMY_RUNS),
  ...rows.expiryRows(expiry),
  ...rows.suiteRows(suite),
])
console.log(table)

const seconds = (performance.now() - started) / 1000
const file = path.join(BENCH_DIR, 'RESULTS.md')
const machine = { ...describeMachine(), loadAtStart }
await writeResults(file, {
  table,
  machine,
  seconds,
  args: process.argv.slice(2),
  sizes,
  dal,
  economy,
  expiry,
  suite,
})
await writeReadmeSection({ table, machine, seconds })
log(
  `wrote ${path.relative(process.cwd(), file)} and README.md's Performance section after ${seconds.toFixed(0)} s`,
)
