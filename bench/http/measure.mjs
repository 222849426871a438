// GET /api/session (the kit's route handler: opens the cookie's token, loads the user) beside a
// constant JSON route on the same `next start` server. Per batch: the server's CPU time (from
// /proc) and wall time for a fixed number of keep-alive requests. The two routes alternate in
// every round and at every concurrency, so both see the same machine load.
import { importRootModule } from '../lib/import-root-module.mjs'
import { summarize } from '../lib/stats.mjs'
import { USER } from '../lib/user.mjs'
import { runLoad } from './load.mjs'
import { buildNextApp, removeNextApp, startNextApp } from './next-app.mjs'
import { processTreeCpuMs } from './process-cpu.mjs'

const CONCURRENCIES = [1, 10, 50]
const WARMUP_REQUESTS = 500 // per route before the rounds: JIT and Next's lazy route loading
const SESSION_SECONDS = 3600 // the minted session outlives the run

const ROUTES = [
  { id: 'session', path: '/api/session', label: 'GET /api/session (kit createSessionRoute)' },
  { id: 'ping', path: '/api/ping', label: 'GET /api/ping (constant JSON, same server)' },
]

/** A `Cookie` header with a valid session for USER, minted by the kit's own encryptSession. */
async function sessionCookieHeader() {
  const { encryptSession } = await importRootModule('src/server/session.ts')
  const token = await encryptSession({ userId: USER.id }, { maxAgeSeconds: SESSION_SECONDS })
  // `next start` runs with NODE_ENV=production: the kit's cookie is Secure, so `__Host-` named.
  const { sessionCookieName } = await importRootModule('src/shared/constants.ts')
  return `${sessionCookieName(true)}=${token}`
}

/** One batch: { cpuMsPerRequest, requestsPerSecond }. */
async function batch(server, route, options) {
  const cpuBefore = processTreeCpuMs(server.pid)
  const { requests, seconds } = await runLoad(`${server.origin}${route.path}`, options)
  const cpuMs = processTreeCpuMs(server.pid) - cpuBefore
  return { cpuMsPerRequest: cpuMs / requests, requestsPerSecond: requests / seconds }
}

async function measureRounds(server, headers, { rounds, requests }) {
  const samples = Object.fromEntries(ROUTES.map((r) => [r.id, { cpu: [], rate: {} }]))
  for (const route of ROUTES) {
    await runLoad(`${server.origin}${route.path}`, {
      requests: WARMUP_REQUESTS,
      concurrency: 10,
      headers,
    })
  }
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? ROUTES : [...ROUTES].reverse()
    const cpu = Object.fromEntries(ROUTES.map((r) => [r.id, 0]))
    for (const concurrency of CONCURRENCIES) {
      for (const route of order) {
        const result = await batch(server, route, { requests, concurrency, headers })
        cpu[route.id] += result.cpuMsPerRequest / CONCURRENCIES.length
        ;(samples[route.id].rate[concurrency] ??= []).push(result.requestsPerSecond)
      }
    }
    for (const route of ROUTES) samples[route.id].cpu.push(cpu[route.id])
  }
  return samples
}

/**
 * Builds the app, starts it with the bench's SESSION_SECRET, checks that the cookie is accepted,
 * then measures `rounds` rounds of `requests` per route and concurrency.
 */
async function measureHttp({ rounds, requests }) {
  const dir = await buildNextApp()
  try {
    const server = await startNextApp(dir, { SESSION_SECRET: process.env.SESSION_SECRET })
    try {
      const headers = { cookie: await sessionCookieHeader() }
      const answer = await (await fetch(`${server.origin}/api/session`, { headers })).json()
      if (answer.status !== 'authenticated') {
        throw new Error(
          `GET /api/session did not accept the minted cookie: ${JSON.stringify(answer)}`,
        )
      }
      const samples = await measureRounds(server, headers, { rounds, requests })
      const routes = ROUTES.map((route) => ({
        ...route,
        cpuMsPerRequest: summarize(samples[route.id].cpu),
        requestsPerSecond: Object.fromEntries(
          CONCURRENCIES.map((c) => [c, summarize(samples[route.id].rate[c])]),
        ),
      }))
      // Per-round ratios: round i of each route ran side by side.
      const cpuRatio = summarize(samples.session.cpu.map((value, i) => value / samples.ping.cpu[i]))
      return { rounds, requests, concurrencies: CONCURRENCIES, routes, cpuRatio }
    } finally {
      await server.close()
    }
  } finally {
    removeNextApp(dir)
  }
}

export { measureHttp }
