// The install test's manual path: the README's "Without shadcn" steps in a second fresh copy of
// the fixture app. The install command and the copy commands come from manualCopy(), the one
// source the README's block is written from, and the README is checked to hold exactly that
// block first: what runs here is what users read. Then the docs' step after copying (this app's
// loadUser), `next typegen` and `tsc`. prepare-app.mjs runs this beside the shadcn path.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { copyScript, dependencyName, manualCopy } from '../../scripts/manual-copy.mjs'
import { manualCopySectionProblem } from '../../scripts/readme-manual-copy.mjs'
import { checkInstalledFiles } from './installed-files.mjs'
import { step } from './step.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const app = process.env.MANUAL_APP_DIR
if (!app) {
  console.error('prepare-manual-app: set MANUAL_APP_DIR to the folder to copy the app into.')
  process.exit(1)
}
const started = performance.now()
const fail = (message) => {
  console.error(`[install] manual copy: ${message}`)
  process.exit(1)
}

const stale = await manualCopySectionProblem(ROOT)
if (stale) fail(stale)
const copy = manualCopy(ROOT)

rmSync(app, { recursive: true, force: true })
mkdirSync(path.dirname(app), { recursive: true })
cpSync(path.join(import.meta.dirname, 'fixture'), app, { recursive: true })
// An app on this path has no Storybook: the fixture lists it only for the story helpers item,
// which the manual copy leaves out. Dropping it also proves no runtime file needs it, and halves
// this install (about 30 s instead of 60 s here).
const packageFile = path.join(app, 'package.json')
const packageJson = JSON.parse(readFileSync(packageFile, 'utf8'))
for (const name of Object.keys(packageJson.devDependencies)) {
  if (name === 'storybook' || name.startsWith('@storybook/'))
    delete packageJson.devDependencies[name]
}
writeFileSync(packageFile, `${JSON.stringify(packageJson, null, 2)}\n`)
console.log(`[install] manual copy: fixture copied to ${app} (without Storybook)`)

// The README's commands as written, through a shell that stops at the first failing one. The
// environment only tells npm to prefer its cache (the repo's own `npm ci` fetched these versions)
// and to skip the audit and funding notes (and, from prepare-app.mjs, where better-sqlite3's
// prebuilt binary is served).
await step('manual copy: npm install (the README commands)', 'sh', ['-ec', copy.installCommand], {
  cwd: app,
  env: {
    ...process.env,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  },
})
// The failure this path had: npm picking an older major (jotai 2 on Node 20). Named here, not as
// a type error in a file that imports it.
for (const dependency of [...copy.packages, ...copy.devPackages]) {
  const name = dependencyName(dependency)
  const wanted = dependency
    .slice(name.length + 1)
    .replace(/^\^/, '')
    .split('.')[0]
  const { version } = JSON.parse(
    readFileSync(path.join(app, 'node_modules', name, 'package.json'), 'utf8'),
  )
  if (version.split('.')[0] !== wanted) fail(`npm installed ${name} ${version} for ${dependency}`)
}

await step('manual copy: the README copy commands', 'sh', ['-ec', copyScript(copy)], {
  cwd: app,
  env: { ...process.env, KIT: ROOT },
})
const problems = checkInstalledFiles({ root: ROOT, app, registry: { items: copy.items } })
if (problems.length > 0) fail(`the copy commands missed files:\n  ${problems.join('\n  ')}`)

// The docs' step after copying, as on the shadcn path: write loadUser for this app.
cpSync(path.join(import.meta.dirname, 'edits'), app, { recursive: true })

const bin = (name) => path.join(app, 'node_modules/.bin', name)
await step('manual copy: next typegen', bin('next'), ['typegen'], { cwd: app })
await step('manual copy: tsc --noEmit', bin('tsc'), ['--noEmit'], { cwd: app })
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`[install] manual copy: compiles, ${seconds} s in all (${app})`)
