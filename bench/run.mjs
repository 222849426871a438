// `npm run bench`: every figure of issues 6 and 13, measured now on this machine. Prints one table
// to stdout (progress goes to stderr) and writes bench/RESULTS.md and bench/results.json from the
// same rows. `--skip-suite` leaves out the ~3.5 min `npm test` timing for quick runs.
// `--verify-only` measures only the function-level verify rows (throughput, the revocation check,
// the DAL's dedupe), about a minute, and prints their table: it writes no file, since RESULTS.md,
// results.json and the README's section hold every figure of one run.
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { buildApps } from './browser/build-apps.mjs'
import { measureEconomy } from './browser/economy.mjs'
import { EXPIRY_SKEWS_MS, measureExpiry } from './browser/expiry.mjs'
import { launchChromium } from './browser/launch.mjs'
import { startPageServer } from './browser/page-server.mjs'
import { measureHttp } from './http/measure.mjs'
import { describeMachine } from './lib/machine.mjs'
import { BENCH_DIR } from './lib/paths.mjs'
import { writeReadmeSection } from './lib/readme-section.mjs'
import { writeResults } from './lib/results-file.mjs'
import { writeResultsJson } from './lib/results-json.mjs'
import * as rows from './lib/rows.mjs'
import { renderTable } from './lib/table.mjs'
import { measureSizes } from './size/measure.mjs'
import { measureSuite } from './suite/phases.mjs'
import { measureDalDedupe } from './verify/dal-dedupe.mjs'
import { measureRevocation } from './verify/revocation.mjs'
import { measureThroughput } from './verify/throughput.mjs'

const THROUGHPUT_ROUNDS = 25 // short alternating rounds (see verify/throughput.mjs)
const REVOCATION_ROUNDS = 25 // the same, stateless beside each store's check
const ECONOMY_RUNS = 3
const EXPIRY_RUNS = 3 // per client clock skew, in real time: ~11-20 s each
const HTTP_ROUNDS = 7 // each: both routes at every concurrency, alternating
const HTTP_REQUESTS = 600 // per route, concurrency and round: ~1 s of server CPU, 100 ticks
const DAL_COMPONENTS = 10

const skipSuite = process.argv.includes('--skip-suite')
const verifyOnly = process.argv.includes('--verify-only')
const suiteEnv = { ...process.env } // before this process sets its own SESSION_SECRET
const log = (message) => console.error(`[bench] ${message}`)
const started = performance.now()
// Other work on the same 2 cores skews every figure: the reader gets the load this run started in.
const loadAtStart = os.loadavg()[0]

// A fresh secret per run, as an app would have one: the kit reads it from the environment.
process.env.SESSION_SECRET = randomBytes(32).toString('base64url')

log(verifyOnly ? '1/6 client size skipped (--verify-only)' : '1/6 client size (esbuild)')
const sizes = verifyOnly ? [] : await measureSizes()
log(
  `2/6 verify throughput (${THROUGHPUT_ROUNDS} rounds), the revocation check ` +
    `(${REVOCATION_ROUNDS} rounds) and DAL dedupe`,
)
const throughput = await measureThroughput({ rounds: THROUGHPUT_ROUNDS })
const revocation = await measureRevocation({ rounds: REVOCATION_ROUNDS })
const dal = await measureDalDedupe({ components: DAL_COMPONENTS })
if (verifyOnly) {
  const verifyRows = [
    ...rows.throughputRows(throughput),
    ...rows.revocationRows(revocation),
    ...rows.dalRows(dal),
  ]
  console.log(renderTable(verifyRows))
  log(
    `--verify-only: printed, no file written, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  )
  process.exit(0)
}
log(`3/6 GET /api/session over HTTP (next build + next start, ${HTTP_ROUNDS} rounds)`)
const http = await measureHttp({ rounds: HTTP_ROUNDS, requests: HTTP_REQUESTS })

log(
  `4/6 request economy (${ECONOMY_RUNS} runs per scenario) and 5/6 expiry ` +
    `(${EXPIRY_RUNS} runs at each client clock skew: ${EXPIRY_SKEWS_MS.join(', ')} ms)`,
)
const bundles = await buildApps()
const server = await startPageServer(bundles)
const browser = await launchChromium()
let economy
let expiry
try {
  economy = await measureEconomy(browser, server, { runs: ECONOMY_RUNS })
  expiry = await measureExpiry(browser, bundles, { runs: EXPIRY_RUNS })
} finally {
  await browser.close()
  await server.close()
}

log(
  skipSuite
    ? '6/6 test suite skipped (--skip-suite)'
    : '6/6 test suite (node scripts/run-tests.mjs)',
)
const suite = skipSuite ? null : await measureSuite(suiteEnv)

// Made once: the table, RESULTS.md, results.json and the README's summary all read these.
const allRows = [
  ...rows.sizeRows(sizes),
  ...rows.throughputRows(throughput),
  ...rows.revocationRows(revocation),
  ...rows.httpRows(http),
  ...rows.dalRows(dal),
  ...rows.economyRows(economy, ECONOMY_RUNS),
  ...rows.expiryRows(expiry),
  ...rows.suiteRows(suite),
]
const table = renderTable(allRows)
console.log(table)

const seconds = (performance.now() - started) / 1000
const file = path.join(BENCH_DIR, 'RESULTS.md')
const jsonFile = path.join(BENCH_DIR, 'results.json')
const machine = { ...describeMachine(), loadAtStart }
const args = process.argv.slice(2)
await writeResults(file, {
  table,
  machine,
  seconds,
  args,
  sizes,
  http,
  revocation,
  dal,
  economy,
  expiry,
  suite,
})
await writeResultsJson(jsonFile, { rows: allRows, machine, seconds, args })
await writeReadmeSection({ rows: allRows, machine, seconds })
log(
  `wrote ${path.relative(process.cwd(), file)}, ${path.relative(process.cwd(), jsonFile)} and ` +
    `README.md's Performance section after ${seconds.toFixed(0)} s`,
)
