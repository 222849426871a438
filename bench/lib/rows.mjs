// Turns each measurement into rows of the results table, with the issue's targets for the kit.
// The one home of every figure: RESULTS.md's table and results.json both render from these rows.
// A row: { figure, name, candidate, result (text), runs, unit, values, target, thresholds, met }.
// `values` holds the numbers behind `result`; `thresholds` says the target in terms of them
// ({ value: 'toastAfterMs.max', op: '<=', limit: 250 }), and `met` is derived from them; rows
// without a target have `met: null`.
import { formatSpread, summarize } from './stats.mjs'

const n = (value, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

const COMPARE = {
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
  '===': (a, b) => a === b,
}

/** `values` at a dotted path: 'toastAfterMs.max'. */
const valueAt = (values, dotted) => dotted.split('.').reduce((v, key) => v?.[key], values)

/** Whether every threshold holds for `values`; a missing value (nothing measured) fails it. */
function meets(values, thresholds) {
  return thresholds.every(({ value, op, limit }) => {
    const actual = valueAt(values, value)
    return typeof actual === 'number' && COMPARE[op](actual, limit)
  })
}

/** A target as the table states it (`text`) and as results.json checks it (`thresholds`). */
function target(text, values, thresholds) {
  return { target: text, thresholds, met: meets(values, thresholds) }
}

function sizeRows(sizes) {
  const nextAuth = sizes.find((s) => s.id === 'next-auth')
  const targets = {
    'kit-core': (values) =>
      target('<= 7,000 B gzip', values, [{ value: 'gzipBytes', op: '<=', limit: 7000 }]),
    'kit-core-own': (values) =>
      target("kit's own code <= 4,000 B gzip", values, [
        { value: 'gzipBytes', op: '<=', limit: 4000 },
      ]),
  }
  return sizes.map((s) => {
    const values = {
      gzipBytes: s.gzipBytes,
      minBytes: s.minBytes,
      ratioToNextAuth: s.gzipBytes / nextAuth.gzipBytes,
    }
    return {
      figure: 1,
      name: 'client size, min+gzip',
      candidate: s.label,
      result: `${n(s.gzipBytes)} B gzip (${n(s.minBytes)} B min); ${n(values.ratioToNextAuth, 2)}x next-auth`,
      runs: 1,
      unit: 'B',
      values,
      ...(targets[s.id]?.(values) ?? { met: null }),
    }
  })
}

/** Per-round ratios kit / other: the rounds alternate, so round i of each ran side by side. */
function ratio(kit, other) {
  return summarize(kit.samples.map((value, i) => value / other.samples[i]))
}

function throughputRows(results) {
  const byId = Object.fromEntries(results.map((r) => [r.id, r]))
  // Per-round ratios of `candidate` to the two libraries the target names.
  const versus = (candidate) => ({
    nextAuth: ratio(candidate, byId['next-auth']),
    iron: ratio(candidate, byId['iron-session']),
  })
  const spread = ({ nextAuth, iron }) =>
    `${formatSpread(nextAuth, 2)}x next-auth, ${formatSpread(iron, 2)}x iron-session`
  const kit = byId.kit
  return results.map((r) => {
    const values = { opsPerSecond: r.opsPerSecond, ...(r.id.startsWith('kit') ? versus(r) : {}) }
    const row = {
      figure: 2,
      name: 'verify throughput, ops/s (min / median / max)',
      candidate: r.label,
      result: `${formatSpread(r.opsPerSecond)} ops/s`,
      runs: r.samples.length,
      unit: 'ops/s',
      values,
      met: null,
    }
    // The edge runtime's path: reported beside the node:crypto one, the target is the Node path's.
    if (r.id === 'kit-webcrypto') return { ...row, result: `${row.result}; ${spread(values)}` }
    if (r.id !== 'kit') {
      return { ...row, result: `${row.result}; kit = ${formatSpread(ratio(kit, r), 2)}x` }
    }
    return {
      ...row,
      result: `${row.result}; ${spread(values)}`,
      ...target('>= 5x next-auth and >= 20x iron-session (median of per-round ratios)', values, [
        { value: 'nextAuth.median', op: '>=', limit: 5 },
        { value: 'iron.median', op: '>=', limit: 20 },
      ]),
    }
  })
}

/** The issue's ceiling on what each store's check adds to a verify, median ms (issue 14 item 8). */
const ADDED_MS_TARGETS = { sqlite: 0.05, redis: 0.2 }
/** The revocation rows' figure name: Docs/Choosing a store finds them in results.json by it. */
const REVOCATION_FIGURE = 'verify with the revocation check, ms per verify (min / median / max)'

function revocationRows(results) {
  const ms = (s) => formatSpread(s, 4)
  return results.map((r) => {
    const values = r.addedMs
      ? { msPerVerify: r.msPerVerify, addedMs: r.addedMs }
      : { msPerVerify: r.msPerVerify }
    const row = {
      figure: 2,
      name: REVOCATION_FIGURE,
      candidate: r.label,
      result: `${ms(r.msPerVerify)} ms` + (r.addedMs ? `; adds ${ms(r.addedMs)} ms` : ''),
      runs: r.runs,
      unit: 'ms per verify',
      values,
      met: null,
    }
    const limit = ADDED_MS_TARGETS[r.id]
    if (limit === undefined) return row
    return {
      ...row,
      ...target(`adds <= ${limit} ms (median of per-round differences)`, values, [
        { value: 'addedMs.median', op: '<=', limit },
      ]),
    }
  })
}

function dalRows(dal) {
  const values = {
    decryptsPerRequest: dal.oneRender.decrypts,
    loadUserPerRequest: dal.oneRender.loadUser,
    decryptsTwoRequests: dal.twoRenders.decrypts,
    decryptsOutsideRender: dal.outside.decrypts,
    rendered: dal.rendered,
  }
  return [
    {
      figure: 2,
      name: `getSession() in ${dal.components} Server Components of one render`,
      candidate: 'kit createSessionDal (React cache, Flight render)',
      result:
        `${dal.oneRender.decrypts} decrypt, ${dal.oneRender.loadUser} loadUser per request ` +
        `(2 requests: ${dal.twoRenders.decrypts}; same ${dal.components} calls outside a render: ` +
        `${dal.outside.decrypts})`,
      runs: 1,
      unit: 'calls',
      values,
      ...target('1 decrypt per request', values, [
        { value: 'decryptsPerRequest', op: '===', limit: 1 },
        { value: 'rendered', op: '===', limit: dal.components },
      ]),
    },
  ]
}

function httpRows(http) {
  const ms = (s) => formatSpread(s, 2)
  return http.routes.flatMap((route) => {
    const kit = route.id === 'session'
    const cpu = {
      figure: 2,
      name: `server CPU per request over HTTP, next start (${http.requests} requests per batch)`,
      candidate: route.label,
      result:
        `${ms(route.cpuMsPerRequest)} ms CPU/request` +
        (kit ? `; ${formatSpread(http.cpuRatio, 2)}x /api/ping` : ''),
      runs: http.rounds,
      unit: 'ms CPU per request',
      values: kit
        ? { cpuMsPerRequest: route.cpuMsPerRequest, ratioToPing: http.cpuRatio }
        : { cpuMsPerRequest: route.cpuMsPerRequest },
    }
    const rate = {
      figure: 2,
      name: `req/s over HTTP at concurrency ${http.concurrencies.join(' / ')}`,
      candidate: route.label,
      result: http.concurrencies
        .map((c) => `c=${c}: ${formatSpread(route.requestsPerSecond[c])}`)
        .join('; '),
      runs: http.rounds,
      unit: 'requests per second',
      values: route.requestsPerSecond,
      met: null,
    }
    if (!kit) return [{ ...cpu, met: null }, rate]
    const cpuTarget = target('<= 1.2x /api/ping (median of per-round ratios)', cpu.values, [
      { value: 'ratioToPing.median', op: '<=', limit: 1.2 },
    ])
    return [{ ...cpu, ...cpuTarget }, rate]
  })
}

/** Each scenario's target for the kit, in terms of its row's values. */
const ECONOMY_THRESHOLDS = {
  'mount-with-session': [{ value: 'requests.max', op: '===', limit: 0 }],
  'mount-without': [
    { value: 'requests.min', op: '===', limit: 1 },
    { value: 'requests.max', op: '===', limit: 1 },
  ],
  'ten-consumers': [
    { value: 'requests.min', op: '===', limit: 1 },
    { value: 'requests.max', op: '===', limit: 1 },
  ],
  navigations: [{ value: 'maxInFlight.max', op: '<=', limit: 1 }],
  focus: [{ value: 'requests.max', op: '<=', limit: 1 }],
  'sign-out': [{ value: 'maxPerTab', op: '<=', limit: 1 }],
}

/** 'request' when every run made exactly one. */
const requestNoun = (spread) => (spread.min === 1 && spread.max === 1 ? 'request' : 'requests')

function economyResult(r) {
  const inFlight = `max ${formatSpread(r.maxInFlight)} in flight`
  if (r.perTab) return `per tab: ${r.perTab.map((t) => formatSpread(t)).join(', ')}; ${inFlight}`
  return `${formatSpread(r.requests)} ${requestNoun(r.requests)}; ${inFlight}`
}

function economyValues(r) {
  if (!r.perTab) return { requests: r.requests, maxInFlight: r.maxInFlight }
  const maxPerTab = Math.max(...r.perTab.map((tab) => tab.max))
  return { perTab: r.perTab, maxPerTab, maxInFlight: r.maxInFlight }
}

function economyRows(rows, runs) {
  return rows.flatMap((scenario) =>
    Object.entries(scenario.results).map(([app, r]) => {
      const values = economyValues(r)
      return {
        figure: 3,
        name: `requests: ${scenario.label}`,
        candidate: app === 'kit' ? 'kit SessionProvider' : 'next-auth SessionProvider',
        result: economyResult(r),
        runs,
        unit: 'requests',
        values,
        ...(app === 'kit'
          ? target(scenario.target, values, ECONOMY_THRESHOLDS[scenario.id])
          : { met: null }),
      }
    }),
  )
}

/** A client clock skew as '-8 s', '0 s', '+8 s'. */
const skewLabel = (ms) => (ms === 0 ? '0 s' : `${ms > 0 ? '+' : '-'}${Math.abs(ms) / 1000} s`)

function expiryRows(e) {
  return e.skews.map((s) => {
    const values = {
      toastAfterMs: s.toastAfterMs,
      requestsUntilToast: s.requestsUntilToast,
      requestsBeforeExpiry: s.requestsBeforeExpiry,
    }
    return {
      figure: 4,
      name: `expiresAt -> toast in the DOM, client clock ${skewLabel(s.skewMs)} (server time)`,
      candidate: 'kit SessionProvider + ExpiryToast + sonner',
      result:
        `${formatSpread(s.toastAfterMs)} ms; ${formatSpread(s.requestsUntilToast)} ` +
        `${requestNoun(s.requestsUntilToast)} from load to toast, ` +
        `${formatSpread(s.requestsBeforeExpiry)} before expiresAt`,
      runs: s.toastAfterMs.runs,
      unit: 'ms after expiresAt; requests',
      values,
      ...target('median <= 250 ms; in every run exactly 1 request, none before expiresAt', values, [
        { value: 'toastAfterMs.median', op: '<=', limit: 250 },
        { value: 'requestsUntilToast.min', op: '===', limit: 1 },
        { value: 'requestsUntilToast.max', op: '===', limit: 1 },
        { value: 'requestsBeforeExpiry.max', op: '===', limit: 0 },
      ]),
    }
  })
}

function suiteRows(suite) {
  if (suite === null) {
    return [
      {
        figure: 5,
        name: 'npm test phases',
        candidate: '-',
        result: 'skipped (--skip-suite)',
        unit: 's',
        values: null,
        met: null,
      },
    ]
  }
  const phases = suite.phases.map((p) => ({
    figure: 5,
    name: `npm test phase: ${p.phase}`,
    candidate: 'kit',
    result: `${n(p.seconds, 1)} s${p.exitCode === 0 ? '' : ` (FAILED, exit ${p.exitCode})`}`,
    runs: 1,
    unit: 's',
    values: { seconds: p.seconds, exitCode: p.exitCode },
    met: null,
  }))
  const total = {
    figure: 5,
    name: 'npm test, whole run',
    candidate: 'kit',
    result: `${n(suite.totalSeconds, 1)} s, exit ${suite.exitCode}`,
    runs: 1,
    unit: 's',
    values: { seconds: suite.totalSeconds, exitCode: suite.exitCode },
    met: null,
  }
  return [...phases, total]
}

export {
  dalRows,
  economyRows,
  expiryRows,
  httpRows,
  REVOCATION_FIGURE,
  revocationRows,
  sizeRows,
  skewLabel,
  suiteRows,
  throughputRows,
}
