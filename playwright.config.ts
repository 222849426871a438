import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium'
import {
  E2E_BASE_URL,
  E2E_HOST,
  E2E_INSTANCE_PORTS,
  E2E_PORT,
  E2E_PROXY_ADDRESS_URL,
  E2E_RUN_DIR,
  E2E_SESSION_SECRET,
} from './e2e/support/server-env'
import { INSTALL_BASE_URL, INSTALL_PORT, INSTALL_SESSION_SECRET } from './test/install/install-env'

// What both servers share: their output piped into the run, a clean stop, and reuse only when asked.
const SERVER_DEFAULTS = {
  // Always a fresh build of the code under test; E2E_REUSE_SERVER=1 reuses servers you started
  // yourself (quicker local iterations), never by accident.
  reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
  stdout: 'pipe',
  stderr: 'pipe',
  gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
} as const

export default defineConfig({
  // Two workers on a 2-core machine: the expiry tests spend most of their time waiting for a
  // real clock, so two of them overlap well; more would only fight `next start` for CPU.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Per test. The longest waits for a 5-second session to expire and its toast to show.
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    // The reference app (app/, proxy.ts): one `next build`, two `next start` instances, nginx
    // with TLS in front on https://app.test (e2e/support/server-env.ts).
    {
      name: 'reference-app',
      testDir: 'e2e',
      // A bound for a hang, not a speed target: the revoked-user test signs two users in through
      // the form and revokes one, which took 46 s on this 2-core machine under a load average
      // of 13 (other jobs), past the 45 s above. Each expect keeps its own 10 s.
      timeout: 90_000,
      use: {
        baseURL: E2E_BASE_URL,
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          // app.test is in no DNS: Chromium alone resolves it, to the proxy on loopback.
          args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${E2E_HOST} 127.0.0.1`],
        },
        // The proxy's certificate is made by the test run and signed by nobody. Chromium still
        // treats the page as https (a secure context), so `__Host-` cookies work as deployed.
        ignoreHTTPSErrors: true,
      },
    },
    // A fresh app with every registry item added by `shadcn add` (test/install).
    {
      name: 'install',
      testDir: 'test/install',
      testMatch: '*.spec.ts',
      use: { baseURL: INSTALL_BASE_URL },
    },
  ],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // Builds (timed, printed), then starts two `next start` instances and nginx in front.
      command: 'node e2e/support/build-and-start.mjs',
      // Through nginx, so ready means the whole chain answers (the instances are checked first).
      url: `${E2E_PROXY_ADDRESS_URL}/api/session`,
      ignoreHTTPSErrors: true,
      env: {
        SESSION_SECRET: E2E_SESSION_SECRET,
        E2E_HOST,
        E2E_PORT: String(E2E_PORT),
        E2E_INSTANCE_PORTS: E2E_INSTANCE_PORTS.join(','),
        E2E_RUN_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      // A build on a busy 2-core machine can take minutes.
      timeout: 300_000,
      ...SERVER_DEFAULTS,
    },
    {
      // Copies the fixture app, runs `shadcn add` for every item, tsc, next build, next start.
      command: 'node test/install/install-and-start.mjs',
      url: `${INSTALL_BASE_URL}/api/session`,
      env: {
        SESSION_SECRET: INSTALL_SESSION_SECRET,
        PORT: String(INSTALL_PORT),
        NEXT_TELEMETRY_DISABLED: '1',
      },
      timeout: 420_000,
      ...SERVER_DEFAULTS,
    },
  ],
})
