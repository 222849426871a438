import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dependencyName, DEV_ITEMS as DEV_ITEM_NAMES, manualCopy } from '../scripts/manual-copy.mjs'
import { manualCopySectionProblem } from '../scripts/readme-manual-copy.mjs'

// registry.json is what users copy (`npx shadcn add @next-session-kit/<item>`). These checks keep
// it from drifting from the code: a new kit file that is not listed, an import that the installed
// items cannot satisfy, or an npm package that is not declared fails here, before the slower
// install test (test/install) has to find out.
type RegistryFile = { path: string; target: string }
type RegistryItem = {
  name: string
  type: string
  dependencies: string[]
  devDependencies?: string[]
  registryDependencies: string[]
  files: RegistryFile[]
}

const NAMESPACE = '@next-session-kit/'
const root = path.resolve(import.meta.dirname, '..')
const registry = JSON.parse(readFileSync(path.join(root, 'registry.json'), 'utf8')) as {
  items: RegistryItem[]
}
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const byName = new Map(registry.items.map((item) => [item.name, item]))
// Next and React are the app itself: every app that copies the kit already has them.
const PROVIDED_BY_THE_APP = ['next', 'react', 'react-dom']
// The story helpers run inside the app's own Storybook (their item's description says so).
const PROVIDED_BY_STORYBOOK = ['storybook', '@storybook/nextjs-vite']
// Items for the app's Storybook and tests; everything else ends up in the app's runtime.
const DEV_ITEMS = new Set(DEV_ITEM_NAMES)

function shippedFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir))
    .filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'))
    .map((name) => `${dir}/${name}`)
}

function specifiers(file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8')
  return [...source.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1] ?? '')
}

function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}

/** The item and every item it pulls in, transitively. */
function withRegistryDependencies(item: RegistryItem, seen = new Set<string>()): RegistryItem[] {
  if (seen.has(item.name)) return []
  seen.add(item.name)
  return [
    item,
    ...item.registryDependencies.flatMap((dependency) => {
      const found = byName.get(dependency.slice(NAMESPACE.length))
      return found ? withRegistryDependencies(found, seen) : []
    }),
  ]
}

/** Where an import lands in the app, as a target path without extension. */
function importTarget(fileTarget: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2)
  if (specifier.startsWith('.')) return path.posix.join(path.posix.dirname(fileTarget), specifier)
  return null
}

const withoutExtension = (target: string) => target.replace(/\.tsx?$/, '')

describe('registry.json', () => {
  const listed = registry.items.flatMap((item) => item.files.map((file) => file.path))

  it('lists every shipped file of src/shared, src/server and src/client, each once', () => {
    const shipped = [
      ...shippedFiles('src/shared'),
      ...shippedFiles('src/server'),
      ...shippedFiles('src/client'),
      'src/index.ts',
      'src/server.ts',
      'src/client.ts',
      'src/toast.ts',
    ]
    expect(listed.filter((file) => file.startsWith('src/')).sort()).toEqual(shipped.sort())
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('lists no test file, and keeps mocks and story helpers out of the runtime items', () => {
    expect(listed.filter((file) => /\.test\.|\.stories\./.test(file))).toEqual([])
    for (const item of registry.items) {
      const devOnly = item.files.filter((file) => /^(mocks|stories)\//.test(file.path))
      if (!DEV_ITEMS.has(item.name)) expect(devOnly).toEqual([])
      else expect(devOnly).toEqual(item.files)
    }
  })

  it('keeps the src/ layout under lib/session, so relative imports still resolve', () => {
    for (const file of registry.items.flatMap((item) => item.files)) {
      if (file.path.startsWith('src/')) {
        expect(file.target).toBe(`lib/session/${file.path.slice('src/'.length)}`)
      } else if (file.path.startsWith('registry/templates/')) {
        expect(file.target).toBe(file.path.slice('registry/templates/'.length))
      } else {
        expect(file.target).toBe(file.path)
      }
      expect(existsSync(path.join(root, file.path)), file.path).toBe(true)
    }
  })

  it('starts no file with a comment: shadcn add drops leading comments, so they would not arrive', () => {
    const startsWithComment = listed.filter((file) =>
      /^\s*(\/\/|\/\*)/.test(readFileSync(path.join(root, file), 'utf8')),
    )
    expect(startsWithComment).toEqual([])
  })

  it('names only registry dependencies of this registry, by its namespace', () => {
    for (const item of registry.items) {
      for (const dependency of item.registryDependencies) {
        expect(dependency.startsWith(NAMESPACE), dependency).toBe(true)
        expect(byName.has(dependency.slice(NAMESPACE.length)), dependency).toBe(true)
      }
    }
  })

  it.each(registry.items.map((item) => [item.name, item] as const))(
    '%s: every relative or @/ import lands on a file that installing it writes',
    (_name, item) => {
      const installed = withRegistryDependencies(item).flatMap((entry) => entry.files)
      const targets = new Set(installed.map((file) => withoutExtension(file.target)))
      const unresolved = item.files.flatMap((file) =>
        specifiers(file.path)
          .map((specifier) => importTarget(file.target, specifier))
          .filter((target): target is string => target !== null && !targets.has(target))
          .map((target) => `${file.path} -> ${target}`),
      )
      expect(unresolved).toEqual([])
    },
  )

  it.each(registry.items.map((item) => [item.name, item] as const))(
    '%s declares every npm package its files import, in the version this repo tests',
    (name, item) => {
      const pulledIn = withRegistryDependencies(item)
      const declared = pulledIn.flatMap((entry) => [
        ...entry.dependencies,
        ...(entry.devDependencies ?? []),
      ])
      const known = new Set([
        ...declared.map(dependencyName),
        ...PROVIDED_BY_THE_APP,
        ...(name === 'session-story-helpers' ? PROVIDED_BY_STORYBOOK : []),
      ])
      const imported = item.files
        .flatMap((file) => specifiers(file.path))
        // `node:` builtins come with Node (the SQLite store runs in Node only, never in the proxy).
        .filter((specifier) => !/^(\.|@\/|node:)/.test(specifier))
        .map(packageName)
      expect([...new Set(imported)].filter((pkg) => !known.has(pkg))).toEqual([])
      for (const dependency of [...item.dependencies, ...(item.devDependencies ?? [])]) {
        const tested =
          packageJson.dependencies[dependencyName(dependency)] ??
          packageJson.devDependencies[dependencyName(dependency)]
        // A caret range on exactly the version the tests here ran: no surprise major for the app.
        expect(dependency).toBe(`${dependencyName(dependency)}@^${tested}`)
      }
    },
  )

  it('manual copy: the same files and packages as `shadcn add @next-session-kit/session-kit`', () => {
    const kit = withRegistryDependencies(byName.get('session-kit') as RegistryItem)
    const copy = manualCopy(root)
    const sorted = (list: string[]) => [...list].sort()
    expect(sorted(copy.items.flatMap((item) => item.files.map((file) => file.target)))).toEqual(
      sorted(kit.flatMap((item) => item.files.map((file) => file.target))),
    )
    expect(copy.packages).toEqual(sorted([...new Set(kit.flatMap((item) => item.dependencies))]))
    expect(copy.devPackages).toEqual(
      sorted([...new Set(kit.flatMap((item) => item.devDependencies ?? []))]),
    )
  })

  it('README: the manual copy block is what registry.json and package.json say (else it names the command that rewrites it)', async () => {
    expect(await manualCopySectionProblem(root)).toBeNull()
  })

  it('keeps runtime packages out of the dev items and dev packages out of the runtime items', () => {
    for (const item of registry.items) {
      if (DEV_ITEMS.has(item.name)) expect(item.dependencies).toEqual([])
      // A runtime item may bring the types of its package (better-sqlite3 ships none): the app's tsc needs them.
      else expect((item.devDependencies ?? []).filter((d) => !d.startsWith('@types/'))).toEqual([])
    }
  })
})
