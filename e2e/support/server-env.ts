// Where the e2e topology listens and the secret it runs with. Shared by playwright.config.ts
// (which hands these to e2e/support/build-and-start.mjs as environment variables) and the specs.
//
//   Chromium --https--> nginx on app.test:E2E_PORT --http, round robin--> next start on
//   127.0.0.1:E2E_INSTANCE_PORTS[0] and [1] (one build, two processes), which share one
//   redis-server on a free loopback port as their revocation store (REDIS_URL)
//
// The way users deploy: TLS on a name that is not localhost, a proxy in front, several instances.
import path from 'node:path'

/** The name the app is served on. Chromium resolves it to 127.0.0.1 (--host-resolver-rules). */
const E2E_HOST = 'app.test'
/** nginx's HTTPS port on 127.0.0.1; E2E_PORT overrides it when 3217 is taken. */
const E2E_PORT = Number(process.env.E2E_PORT ?? 3217)
/** The two `next start` instances behind nginx, on 127.0.0.1 (the install test has 3218). */
const E2E_INSTANCE_PORTS = [E2E_PORT + 10, E2E_PORT + 11] as const
/** How nginx names each instance in its X-Instance response header ($upstream_addr), sorted. */
const E2E_INSTANCE_ADDRESSES = E2E_INSTANCE_PORTS.map((port) => `127.0.0.1:${port}`).sort()
/**
 * Where a test starts a `next start` of its own (e2e/support/extra-instance.ts), to restart it or
 * give it a Redis it can stop: this plus the worker's `parallelIndex`, so two workers never collide.
 */
const E2E_EXTRA_INSTANCE_BASE_PORT = E2E_PORT + 20
/** What the browser opens: every scenario goes through the proxy. */
const E2E_BASE_URL = `https://${E2E_HOST}:${E2E_PORT}`
/**
 * The same proxy for requests made from Node (APIRequestContext), which resolves names itself
 * and knows nothing of app.test: the proxy's address, with `Host: E2E_HOST_HEADER`.
 */
const E2E_PROXY_ADDRESS_URL = `https://127.0.0.1:${E2E_PORT}`
const E2E_HOST_HEADER = `${E2E_HOST}:${E2E_PORT}`
/** One instance without the proxy, as someone opening http://127.0.0.1:PORT would see it. */
const E2E_DIRECT_BASE_URL = `http://127.0.0.1:${E2E_INSTANCE_PORTS[0]}`
/** A fixed, test-only secret (over 32 bytes). Never used outside these test servers. */
const E2E_SESSION_SECRET = 'e2e-only-secret-not-for-production-0123456789abcdef'
/**
 * Everything a run writes (certificate, nginx config and logs, each instance's and Redis's log),
 * at a fixed place so a failing test can print the logs and a human can read them.
 */
const E2E_RUN_DIR = path.resolve(import.meta.dirname, '..', '..', '.e2e')

export {
  E2E_BASE_URL,
  E2E_DIRECT_BASE_URL,
  E2E_EXTRA_INSTANCE_BASE_PORT,
  E2E_HOST,
  E2E_HOST_HEADER,
  E2E_INSTANCE_ADDRESSES,
  E2E_INSTANCE_PORTS,
  E2E_PORT,
  E2E_PROXY_ADDRESS_URL,
  E2E_RUN_DIR,
  E2E_SESSION_SECRET,
}
