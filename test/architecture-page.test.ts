import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEV_ITEMS } from '../scripts/manual-copy.mjs'

// Docs/Architecture's "Where each decision lives" table names every file an app gets under
// lib/session. It is prose, so this keeps it true: a file added, renamed or folded in the kit
// (registry.json lists them all) fails here until the table says what that file decides.
const root = path.resolve(import.meta.dirname, '..')
const registry = JSON.parse(readFileSync(path.join(root, 'registry.json'), 'utf8')) as {
  items: { name: string; files: { target: string }[] }[]
}
const table = readFileSync(path.join(root, 'stories/docs/assets/decision-files.md'), 'utf8')

/** The first cell of each table row: a `lib/session/...` path in backticks. */
function filesInTable(): string[] {
  return [...table.matchAll(/^\| `(lib\/session\/[^`]+)`/gm)].map((match) => match[1] ?? '')
}

describe('Docs/Architecture: where each decision lives', () => {
  it('names every file the runtime items install under lib/session, each once, and nothing else', () => {
    const installed = registry.items
      .filter((item) => !DEV_ITEMS.includes(item.name))
      .flatMap((item) => item.files.map((file) => file.target))
      .filter((target) => target.startsWith('lib/session/'))
    const listed = filesInTable()
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual([...installed].sort())
  })
})
