import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// registry.json is what users copy. These checks keep it from drifting from the code:
// a new kit file that is not listed, or a listed npm package that is not declared, fails here.
type RegistryItem = {
  name: string
  dependencies: string[]
  registryDependencies: string[]
  files: { path: string; target: string }[]
}

const root = path.resolve(import.meta.dirname, '..')
const registry = JSON.parse(readFileSync(path.join(root, 'registry.json'), 'utf8')) as {
  items: RegistryItem[]
}
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}
// Next and React are the app itself: every app that copies the kit already has them.
const PROVIDED_BY_THE_APP = ['next', 'react', 'react-dom']

function shippedFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir))
    .filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'))
    .map((name) => `${dir}/${name}`)
}

function npmImports(file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8')
  const specifiers = [...source.matchAll(/(?:from|import)\s+'([^'.][^']*)'/g)].map(
    (m) => m[1] ?? '',
  )
  return specifiers.map((s) =>
    (s.startsWith('@') ? s.split('/').slice(0, 2) : s.split('/').slice(0, 1)).join('/'),
  )
}

describe('registry.json', () => {
  const listed = registry.items.flatMap((item) => item.files.map((file) => file.path))

  it('lists every shipped file of src/shared, src/server and src/client exactly once', () => {
    const shipped = [
      ...shippedFiles('src/shared'),
      ...shippedFiles('src/server'),
      ...shippedFiles('src/client'),
      'src/index.ts',
      'src/server.ts',
      'src/client.ts',
    ]
    expect([...listed].sort()).toEqual([...shipped].sort())
  })

  it('lists no test, story or mock file', () => {
    expect(listed.filter((file) => /\.test\.|stories|mocks\//.test(file))).toEqual([])
  })

  it.each(registry.items.map((item) => [item.name, item] as const))(
    '%s declares every npm package its files import, and package.json has each',
    (_name, item) => {
      const byName = new Map(registry.items.map((entry) => [entry.name, entry]))
      const declared = new Set([
        ...item.dependencies,
        ...item.registryDependencies.flatMap((dep) => byName.get(dep)?.dependencies ?? []),
        ...PROVIDED_BY_THE_APP,
      ])
      const imported = new Set(item.files.flatMap((file) => npmImports(file.path)))
      expect([...imported].filter((name) => !declared.has(name))).toEqual([])
      for (const name of item.dependencies) expect(packageJson.dependencies).toHaveProperty(name)
    },
  )

  it('keeps the src/ layout under one target folder, so relative imports still resolve', () => {
    for (const item of registry.items) {
      for (const file of item.files) {
        expect(file.target).toBe(`lib/session/${file.path.slice('src/'.length)}`)
      }
    }
  })

  it('names only registry dependencies that exist', () => {
    const names = new Set(registry.items.map((item) => item.name))
    for (const item of registry.items) {
      for (const dep of item.registryDependencies) expect(names).toContain(dep)
      for (const file of item.files) expect(existsSync(path.join(root, file.path))).toBe(true)
    }
  })
})
