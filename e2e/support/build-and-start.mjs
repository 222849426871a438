// The e2e web server: `next build`, then `next start` on $PORT. Timed so the build's time shows.
// `npm test` builds in the background while other phases run and says so with E2E_ALREADY_BUILT=1.
// Exits when `next start` does; forwards SIGTERM/SIGINT so Playwright can stop it.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const NEXT_BIN = require.resolve('next/dist/bin/next')
const port = process.env.PORT
if (!port) {
  console.error('build-and-start: set PORT (playwright.config.ts does).')
  process.exit(1)
}

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

const server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', port], { stdio: 'inherit' })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
