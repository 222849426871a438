// The e2e web server, in the topology users deploy (see server-env.ts): `next build` once, then
// a redis-server on a free loopback port, two `next start` instances of that build on 127.0.0.1
// sharing it (REDIS_URL: the app's revocation store), then nginx with TLS in front of both.
// `npm test` builds in the background while other phases run and says so with E2E_ALREADY_BUILT=1.
// Stops everything on SIGTERM/SIGINT (Playwright's shutdown), and stops everything and exits
// non-zero when any one of them dies, so no half-topology is left running or tested.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import path from 'node:path'
import { nginxConfig } from './nginx-config.mjs'
import { makeTestCertificate } from './test-certificate.mjs'

const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next')
/** Debian's nginx; NGINX_PATH points at another binary (as CHROMIUM_PATH does for the browser). */
const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
/** Debian's redis-server, as test/support/redis-server.ts runs it for the unit tests. */
const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'
const READY_TIMEOUT_MS = 60_000 // per instance; `next start` of a built app is ready in ~1 s
const READY_POLL_MS = 200
const LOG_TAIL_LINES = 40

const { E2E_HOST: host, E2E_PORT, E2E_INSTANCE_PORTS, E2E_RUN_DIR: runDir } = process.env
if (!host || !E2E_PORT || !E2E_INSTANCE_PORTS || !runDir || !process.env.SESSION_SECRET) {
  console.error(
    'build-and-start: set E2E_HOST, E2E_PORT, E2E_INSTANCE_PORTS, E2E_RUN_DIR and SESSION_SECRET' +
      ' (playwright.config.ts does).',
  )
  process.exit(1)
}
const port = Number(E2E_PORT)
const instancePorts = E2E_INSTANCE_PORTS.split(',').map(Number)

if (process.env.E2E_ALREADY_BUILT === '1') {
  console.log('[e2e] next build: done by npm test in the background')
} else {
  const started = performance.now()
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit' })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (build.status !== 0) {
    console.error(`[e2e] next build failed (exit ${build.status}) after ${seconds} s`)
    process.exit(build.status ?? 1)
  }
  console.log(`[e2e] next build: ${seconds} s`)
}

// A fresh run directory: last run's logs must not leak into this one.
rmSync(runDir, { recursive: true, force: true })
const nginxDir = path.join(runDir, 'nginx')
mkdirSync(path.join(nginxDir, 'tmp'), { recursive: true })
mkdirSync(path.join(runDir, 'servers'), { recursive: true })
const redisDir = path.join(runDir, 'redis')
mkdirSync(redisDir)

/** @type {Array<{ name: string, log: string, child: import('node:child_process').ChildProcess }>} */
const running = []
let stopping = false

function start(name, command, args, env, log) {
  // Output to a file, not a pipe: a failing test prints its tail (e2e/support/fixtures.ts), and
  // a pipe nobody drains would stall the server.
  const out = openSync(log, 'a')
  const child = spawn(command, args, {
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  })
  running.push({ name, log, child })
  child.on('error', (error) => {
    console.error(`[e2e] ${name} could not start: ${error.message}`)
    stopAll(1)
  })
  child.on('exit', (code, signal) => {
    if (stopping) {
      if (running.every(({ child: each }) => each.exitCode !== null || each.signalCode !== null))
        process.exit(0)
      return
    }
    console.error(`[e2e] ${name} exited (${signal ?? `exit ${code}`}); stopping the rest.`)
    printTail(name, log)
    stopAll(1)
  })
}

function printTail(name, log) {
  const lines = readFileSync(log, 'utf8').trimEnd().split('\n').slice(-LOG_TAIL_LINES)
  console.error(`[e2e] last lines of ${log} (${name}):\n${lines.join('\n')}`)
}

function stopAll(exitCode) {
  stopping = true
  const alive = running.filter(({ child }) => child.exitCode === null && child.signalCode === null)
  if (alive.length === 0) process.exit(exitCode)
  for (const { child } of alive) child.kill('SIGTERM')
  if (exitCode !== 0) process.exitCode = exitCode
}

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(0))

/** Polls `isReady` until it says so; stops everything if it never does. */
async function waitUntilReady(name, what, isReady) {
  const deadline = performance.now() + READY_TIMEOUT_MS
  while (performance.now() < deadline) {
    if (stopping) return
    if (await isReady()) return
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS))
  }
  console.error(`[e2e] ${name} did not ${what} within ${READY_TIMEOUT_MS / 1000} s`)
  printTail(name, running.find((each) => each.name === name)?.log ?? '')
  stopAll(1)
}

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(READY_POLL_MS * 10) })
    return response.ok
  } catch {
    return false // not listening yet
  }
}

/** A port nothing listens on now, on loopback (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port: picked } = /** @type {import('node:net').AddressInfo} */ (server.address())
      server.close(() => resolve(picked))
    })
  })
}

// Redis first: the instances' revocation store. Nothing saved to disk (the run starts empty).
const redisPort = await freePort()
const redisLog = path.join(runDir, 'servers', 'redis.log')
const redisName = `redis-server (127.0.0.1:${redisPort})`
const redisArgs = ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '']
start(
  redisName,
  REDIS_SERVER_PATH,
  [...redisArgs, '--appendonly', 'no', '--dir', redisDir],
  {},
  redisLog,
)
await waitUntilReady(redisName, 'start', () =>
  readFileSync(redisLog, 'utf8').includes('Ready to accept connections'),
)

const instances = instancePorts.map((instancePort, index) => ({
  name: `next start ${String.fromCharCode(97 + index)} (127.0.0.1:${instancePort})`,
  port: instancePort,
  log: path.join(runDir, 'servers', `instance-${String.fromCharCode(97 + index)}.log`),
}))
// (A Redis that never started has stopped everything: start nothing more.)
for (const instance of stopping ? [] : instances) {
  start(
    instance.name,
    process.execPath,
    [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(instance.port)],
    {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      // Sign-in throttling: the client address from nginx's X-Real-IP (nginx-config.mjs). Its
      // counts live in this run's fresh Redis (or, for an instance started without REDIS_URL, in
      // this run's directory), so no run starts with the last run's failures counted.
      TRUSTED_PROXY_IP_HEADER: 'x-real-ip',
      SIGN_IN_THROTTLE_DB: path.join(runDir, 'sign-in-throttle.sqlite'),
    },
    instance.log,
  )
}
// nginx starts last: every request it passes on must find both instances ready.
await Promise.all(
  instances.map(({ name, port: instancePort }) => {
    const url = `http://127.0.0.1:${instancePort}/api/session`
    return waitUntilReady(name, `answer ${url}`, () => answers(url))
  }),
)

if (!stopping) {
  const { certificate, key } = makeTestCertificate(nginxDir, host)
  const config = path.join(nginxDir, 'nginx.conf')
  writeFileSync(config, nginxConfig({ dir: nginxDir, host, port, instancePorts, certificate, key }))
  // -e: errors before the config is read go here too, not to /var/log/nginx.
  const nginxArgs = ['-p', nginxDir, '-c', config, '-e', path.join(nginxDir, 'error.log')]
  start('nginx', NGINX_PATH, nginxArgs, {}, path.join(nginxDir, 'error.log'))
  console.log(
    `[e2e] https://${host}:${port} -> nginx (${config}) -> ` +
      `${instances.map((instance) => `127.0.0.1:${instance.port}`).join(', ')}, ` +
      `both on redis://127.0.0.1:${redisPort}; logs in ${runDir}`,
  )
}
