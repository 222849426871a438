// The install test's preparation: what a user does to an app that is not ours. Copy the fixture
// app to $INSTALL_APP_DIR (npm test and install-and-start.mjs pick the folder), add every registry
// item with the shadcn CLI from the registry JSON built here (served on loopback, as a deployed
// Storybook serves it), do the one edit the docs ask for (lib/session/load-user.ts), type-check,
// `next build`. Any missing file, import or npm dependency in registry.json fails one of these
// steps, by name. Then install-and-start.mjs serves the app. Beside it, prepare-manual-app.mjs
// proves the README's manual path (no shadcn) in a second fresh copy. `npm test` runs this in the
// background while the checks and story tests run.
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { serveBetterSqlite3Prebuilt } from './better-sqlite3-prebuilt.mjs'
import { checkInstalledFiles, PREPARED_MARKER } from './installed-files.mjs'
import { serveDirectory } from './serve-directory.mjs'
import { step } from './step.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SHADCN_BIN = path.join(ROOT, 'node_modules/shadcn/dist/index.js')
const NAMESPACE = '@next-session-kit'
const app = process.env.INSTALL_APP_DIR
if (!app) {
  console.error('prepare-app: set INSTALL_APP_DIR to the folder to install the app into.')
  process.exit(1)
}

// Both apps' npm installs download better-sqlite3's prebuilt binary from this loopback host (the
// one the repo's `npm ci` built), as users online download it from GitHub, instead of compiling
// SQLite from source for minutes: see better-sqlite3-prebuilt.mjs.
const prebuilt = await serveBetterSqlite3Prebuilt(ROOT)
Object.assign(process.env, prebuilt.env)
console.log(`[install] better-sqlite3 prebuilt: ${prebuilt.url}/…/${prebuilt.file}`)

// The README's manual path (prepare-manual-app.mjs), side by side with this one: its own fresh
// fixture copy and npm install (the npm cache serves both), then tsc. Mostly disk and npm waits
// while this one waits for shadcn's install, so it adds little wall time; the app counts as
// prepared only when it passed too.
const manualApp = `${app}-manual`
const manual = spawn(process.execPath, [path.join(import.meta.dirname, 'prepare-manual-app.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, MANUAL_APP_DIR: manualApp },
})
const manualStatus = new Promise((resolve) => manual.on('exit', (code) => resolve(code)))
process.on('exit', () => {
  if (manual.exitCode === null) manual.kill()
})

await step('registry:build', 'npm', ['run', '--silent', 'registry:build'], { cwd: ROOT })
const registry = JSON.parse(readFileSync(path.join(ROOT, 'registry.json'), 'utf8'))
const registryServer = await serveDirectory(path.join(ROOT, 'public/r'))

rmSync(app, { recursive: true, force: true })
mkdirSync(path.dirname(app), { recursive: true })
cpSync(path.join(import.meta.dirname, 'fixture'), app, { recursive: true })
console.log(`[install] fixture copied to ${app}`)
// The user's one-time setup: tell shadcn where the registry lives.
const componentsJson = JSON.parse(readFileSync(path.join(app, 'components.json'), 'utf8'))
componentsJson.registries = { [NAMESPACE]: `${registryServer.url}/{name}.json` }
writeFileSync(path.join(app, 'components.json'), `${JSON.stringify(componentsJson, null, 2)}\n`)

// Every item, by name (those also pulled in as registry dependencies are fetched that way too).
// shadcn then runs one `npm install` for the fixture's own packages and the items' ones; the npm
// cache already holds these exact versions (the repo's own `npm ci` fetched them).
const items = registry.items.map((item) => `${NAMESPACE}/${item.name}`)
await step(
  'shadcn add (every item)',
  process.execPath,
  [SHADCN_BIN, 'add', ...items, '--yes', '--cwd', app],
  {
    env: { ...process.env, npm_config_prefer_offline: 'true' },
  },
)
await registryServer.close()
prebuilt.check(app)
console.log('[install] better-sqlite3: the served prebuilt, no compile')

const problems = checkInstalledFiles({ root: ROOT, app, registry })
if (problems.length > 0) {
  console.error(
    `[install] shadcn add did not write the registry's files as they are:\n  ${problems.join('\n  ')}`,
  )
  process.exit(1)
}
console.log('[install] every item file is in place, byte for byte')

// The docs' step after installing: write loadUser for this app.
cpSync(path.join(import.meta.dirname, 'edits'), app, { recursive: true })

const bin = (name) => path.join(app, 'node_modules/.bin', name)
await step('next typegen', bin('next'), ['typegen'], { cwd: app })
await step('tsc --noEmit', bin('tsc'), ['--noEmit'], { cwd: app })
await step('next build', bin('next'), ['build'], {
  cwd: app,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TYPECHECKED_BY_INSTALL_TEST: '1' },
})

const manualCode = await manualStatus
if (manualCode !== 0) {
  console.error(`[install] the manual copy failed (exit ${manualCode}): see its lines above`)
  process.exit(manualCode ?? 1)
}
prebuilt.check(manualApp)
await prebuilt.close()

writeFileSync(path.join(app, PREPARED_MARKER), `${new Date().toISOString()}\n`)
console.log(`[install] ready: ${app}`)
