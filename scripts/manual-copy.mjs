// The manual copy (the README's path without shadcn), derived from what the shadcn path installs:
// registry.json's runtime items, their files and targets, and their npm dependencies (which
// test/registry.test.ts holds to package.json's tested versions). The README block and the
// install test both take it from here, so the command users run and the one tested are one.
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** Registry items for an app's own Storybook and tests: never part of the runtime an app copies. */
const DEV_ITEMS = ['session-mocks', 'session-story-helpers']
/**
 * Runtime items an app adds only when it picks them: not in session-kit. The SQLite revocation
 * store is not one: it is the default, which session-app (lib/session/revocation.ts) imports.
 */
const OPTIONAL_ITEMS = ['redis-revocation-store']
/** The kit's constants an app is expected to change, in lib/session/shared/constants.ts. */
const APP_CONSTANTS = ['LOGIN_PATH', 'HOME_PATH']
const CONSTANTS_FILE = 'src/shared/constants.ts'

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))

/** `>=22.12.0` -> [22, 12, 0]; null for any other form of range. */
function minimumVersion(range) {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range ?? '')
  return match ? match.slice(1).map(Number) : null
}

function isAbove(version, floor) {
  const index = version.findIndex((part, i) => part !== floor[i])
  return index !== -1 && version[index] > floor[index]
}

/** `jose@^6.2.18` -> `jose`; `@scope/x@^1` -> `@scope/x`. */
function dependencyName(dependency) {
  const at = dependency.lastIndexOf('@')
  return at > 0 ? dependency.slice(0, at) : dependency
}

/** The string value of `const NAME = '...'` in the constants file. */
function constantValue(source, name) {
  const match = new RegExp(`const ${name} = '([^']*)'`).exec(source)
  if (!match) throw new Error(`${CONSTANTS_FILE}: no string constant ${name}`)
  return match[1]
}

/**
 * Everything the manual path says, read from the repo at `root`: the packages to install (as the
 * registry declares them: a caret on the tested version, so the major is pinned), the type
 * packages to install as devDependencies, the runtime items with their files, the optional
 * Storybook items, the app's constants, and the packages whose `engines` asks for a newer Node
 * than the kit does (npm warns about those).
 */
function manualCopy(root) {
  const registry = readJson(path.join(root, 'registry.json'))
  const packageJson = readJson(path.join(root, 'package.json'))
  const runtimeItems = registry.items.filter(
    (item) => !DEV_ITEMS.includes(item.name) && !OPTIONAL_ITEMS.includes(item.name),
  )
  const packages = [...new Set(runtimeItems.flatMap((item) => item.dependencies))].sort()
  // A runtime item's devDependencies are the types of its package (better-sqlite3 ships none).
  const devPackages = [
    ...new Set(runtimeItems.flatMap((item) => item.devDependencies ?? [])),
  ].sort()
  const kitNode = minimumVersion(packageJson.engines.node)
  const engineNotes = packages.flatMap((dependency) => {
    const name = dependencyName(dependency)
    const installed = readJson(path.join(root, 'node_modules', name, 'package.json'))
    const node = minimumVersion(installed.engines?.node)
    return node && isAbove(node, kitNode)
      ? [{ name, version: installed.version, node: installed.engines.node }]
      : []
  })
  const constantsSource = readFileSync(path.join(root, CONSTANTS_FILE), 'utf8')
  return {
    packages,
    devPackages,
    // One command a line: the README shows them, the install test runs them with `sh -e`.
    installCommand: [
      `npm install ${packages.join(' ')}`,
      ...(devPackages.length > 0 ? [`npm install --save-dev ${devPackages.join(' ')}`] : []),
    ].join('\n'),
    items: runtimeItems
      .filter((item) => item.files.length > 0)
      .map(({ name, title, files }) => ({ name, title, files })),
    optional: registry.items
      .filter((item) => OPTIONAL_ITEMS.includes(item.name))
      .map(({ name, title, files, dependencies }) => ({ name, title, files, dependencies })),
    extras: registry.items
      .filter((item) => DEV_ITEMS.includes(item.name))
      .map(({ name, devDependencies = [] }) => ({ name, devDependencies })),
    app: {
      next: packageJson.dependencies.next,
      react: packageJson.dependencies.react,
      node: packageJson.engines.node,
    },
    constants: APP_CONSTANTS.map((name) => ({ name, value: constantValue(constantsSource, name) })),
    engineNotes,
  }
}

/** The copy commands, one `cp` per file from a checkout of the kit in $KIT (run in the app). */
function copyScript({ items }) {
  const targets = items.flatMap((item) => item.files.map((file) => file.target))
  const folders = [...new Set(targets.map((target) => path.posix.dirname(target)))].sort()
  // `mkdir -p a/b` makes `a` too: name only the deepest folders.
  const deepest = folders.filter(
    (folder) => folder !== '.' && !folders.some((other) => other.startsWith(`${folder}/`)),
  )
  return [
    `mkdir -p ${deepest.join(' ')}`,
    ...items.flatMap((item) => [
      `# ${item.name}: ${item.title}`,
      ...item.files.map((file) => `cp "$KIT/${file.path}" ${file.target}`),
    ]),
  ].join('\n')
}

export { copyScript, dependencyName, DEV_ITEMS, manualCopy, OPTIONAL_ITEMS }
