// The install test's web server: `next start` on $PORT for the fixture app with every registry
// item installed. `npm test` prepares that app in the background (prepare-app.mjs) and names it in
// $INSTALL_APP_DIR; run alone (`npx playwright test`), this prepares it first.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PREPARED_MARKER } from './installed-files.mjs'

const port = process.env.PORT
if (!port || !process.env.SESSION_SECRET) {
  console.error('install-and-start: set PORT and SESSION_SECRET (playwright.config.ts does).')
  process.exit(1)
}

const app =
  process.env.INSTALL_APP_DIR ??
  path.join(mkdtempSync(path.join(os.tmpdir(), 'session-kit-install-')), 'app')
if (!existsSync(path.join(app, PREPARED_MARKER))) {
  const prepare = spawnSync(process.execPath, [path.join(import.meta.dirname, 'prepare-app.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, INSTALL_APP_DIR: app },
  })
  if (prepare.status !== 0) process.exit(prepare.status ?? 1)
}
console.log(
  `[install] serving ${app} (built ${readFileSync(path.join(app, PREPARED_MARKER), 'utf8').trim()})`,
)
const server = spawn(path.join(app, 'node_modules/.bin/next'), ['start', '-p', port], {
  cwd: app,
  stdio: 'inherit',
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
