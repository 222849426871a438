// Turns each measurement into rows of the results table, with the issue's targets for the kit.
import { formatSpread, summarize } from './stats.mjs'

const n = (value, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

function sizeRows(sizes) {
  const nextAuth = sizes.find((s) => s.id === 'next-auth')
  return sizes.map((s) => {
    const ratio = s.gzipBytes / nextAuth.gzipBytes
    const row = {
      figure: 1,
      name: 'client size, min+gzip',
      candidate: s.label,
      result: `${n(s.gzipBytes)} B gzip (${n(s.minBytes)} B min); ${n(ratio, 2)}x next-auth`,
      runs: 1,
    }
    if (s.id !== 'kit-core') return row
    return {
      ...row,
      target: '<= 6,000 B gzip and <= 0.6x next-auth/react',
      met: s.gzipBytes <= 6000 && ratio <= 0.6,
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
  const kitVersus = versus(kit)
  return results.map((r) => {
    const row = {
      figure: 2,
      name: 'verify throughput, ops/s (min / median / max)',
      candidate: r.label,
      result: `${formatSpread(r.opsPerSecond)} ops/s`,
      runs: r.samples.length,
    }
    // The edge runtime's path: reported beside the node:crypto one, the target is the Node path's.
    if (r.id === 'kit-webcrypto') return { ...row, result: `${row.result}; ${spread(versus(r))}` }
    if (r.id !== 'kit') {
      return { ...row, result: `${row.result}; kit = ${formatSpread(ratio(kit, r), 2)}x` }
    }
    return {
      ...row,
      result: `${row.result}; ${spread(kitVersus)}`,
      target: '>= 5x next-auth and >= 20x iron-session (median of per-round ratios)',
      met: kitVersus.nextAuth.median >= 5 && kitVersus.iron.median >= 20,
    }
  })
}

function dalRows(dal) {
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
      target: '1 decrypt per request',
      met: dal.oneRender.decrypts === 1 && dal.rendered === dal.components,
    },
  ]
}

const ECONOMY_MET = {
  'mount-with-session': (k) => k.requests.max === 0,
  'mount-without': (k) => k.requests.max === 1,
  'ten-consumers': (k) => k.requests.max === 1,
  navigations: (k) => k.maxInFlight.max <= 1,
  focus: (k) => k.requests.max <= 1,
  'sign-out': (k) => k.perTab.every((tab) => tab.max <= 1),
}

function economyResult(r) {
  const inFlight = `max ${formatSpread(r.maxInFlight)} in flight`
  if (r.perTab) return `per tab: ${r.perTab.map((t) => formatSpread(t)).join(', ')}; ${inFlight}`
  const noun = r.requests.min === 1 && r.requests.max === 1 ? 'request' : 'requests'
  return `${formatSpread(r.requests)} ${noun}; ${inFlight}`
}

function economyRows(rows, runs) {
  return rows.flatMap((scenario) =>
    Object.entries(scenario.results).map(([app, r]) => ({
      figure: 3,
      name: `requests: ${scenario.label}`,
      candidate: app === 'kit' ? 'kit SessionProvider' : 'next-auth SessionProvider',
      result: economyResult(r),
      runs,
      ...(app === 'kit' ? { target: scenario.target, met: ECONOMY_MET[scenario.id](r) } : {}),
    })),
  )
}

function expiryRows(e) {
  const requestAt = e.example.requestTimesMs.map((ms) => `+${n(ms)} ms`).join(', ')
  return [
    {
      figure: 4,
      name: `expiresAt -> toast in the DOM (page clock, ${e.stepMs} ms steps)`,
      candidate: 'kit SessionProvider + ExpiryToast + sonner',
      result: `${formatSpread(e.toastAfterMs)} ms (its check request at ${requestAt})`,
      runs: e.toastAfterMs.runs,
      target: '<= 1,000 ms',
      met: e.toastAfterMs.max <= 1000,
    },
    {
      figure: 4,
      name: `requests in the ${n(e.expiresInMs / 60_000)} min before expiresAt / until the toast`,
      candidate: 'kit SessionProvider + ExpiryToast + sonner',
      result: `${formatSpread(e.requestsBeforeExpiry)} / ${formatSpread(e.requestsUntilToast)}`,
      runs: e.toastAfterMs.runs,
      target: 'zero polling',
      met: e.requestsBeforeExpiry.max === 0,
    },
  ]
}

function suiteRows(suite) {
  if (suite === null) {
    return [
      { figure: 5, name: 'npm test phases', candidate: '-', result: 'skipped (--skip-suite)' },
    ]
  }
  const phases = suite.phases.map((p) => ({
    figure: 5,
    name: `npm test phase: ${p.phase}`,
    candidate: 'kit',
    result: `${n(p.seconds, 1)} s${p.exitCode === 0 ? '' : ` (FAILED, exit ${p.exitCode})`}`,
    runs: 1,
  }))
  const total = {
    figure: 5,
    name: 'npm test, whole run',
    candidate: 'kit',
    result: `${n(suite.totalSeconds, 1)} s, exit ${suite.exitCode}`,
    runs: 1,
  }
  return [...phases, total]
}

export { dalRows, economyRows, expiryRows, sizeRows, suiteRows, throughputRows }
