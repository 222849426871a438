import { readFileSync } from 'node:fs'
import path from 'node:path'

/** One page the crawler opens: a story on its own, or a docs page (MDX or autodocs). */
type CrawlEntry = {
  /** Storybook's id, e.g. `client-expirytoast--expired` or `docs-introduction--docs`. */
  id: string
  type: 'story' | 'docs'
  /** `Title › Name`, as the sidebar shows it. */
  label: string
  tags: ReadonlyArray<string>
  /** The path under the served Storybook: the preview iframe alone, as the manager loads it. */
  path: string
  /**
   * A component's docs page (the autodocs page of a CSF file): the ids of its file's stories, as
   * index.json lists them (those the page shows, each in a story block, save any whose
   * `!autodocs` tag a helper sets, which the index misses). Null for a story and an MDX page.
   */
  componentStories: ReadonlyArray<string> | null
}

type IndexEntry = {
  id: string
  type: 'story' | 'docs'
  title: string
  name: string
  importPath: string
  tags?: string[]
}

/** Storybook tags every MDX docs entry with one of these; an autodocs page has neither. */
const MDX_TAGS = ['attached-mdx', 'unattached-mdx']

/**
 * Every entry of the built Storybook's index.json, in index order. Reading the index, not the
 * story files, means the crawler opens what the deployed Storybook lists, MDX pages and autodocs
 * included.
 */
function crawlEntries(staticDir: string): CrawlEntry[] {
  const file = path.join(staticDir, 'index.json')
  let index: { entries: Record<string, IndexEntry> }
  try {
    index = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(
      `No built Storybook to crawl (${file}: ${String(error)}). Run \`npm run build-storybook\` first.`,
      { cause: error },
    )
  }
  const entries = Object.values(index.entries)
  const storiesShownOn = (docs: IndexEntry): string[] | null =>
    docs.type === 'docs' && !docs.tags?.some((tag) => MDX_TAGS.includes(tag))
      ? entries
          .filter((story) => story.type === 'story' && story.importPath === docs.importPath)
          .filter((story) => story.tags?.includes('autodocs'))
          .map((story) => story.id)
      : null
  return entries.map((entry): CrawlEntry => ({
    id: entry.id,
    type: entry.type,
    label: `${entry.title} › ${entry.name}`,
    tags: entry.tags ?? [],
    path: `/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}`,
    componentStories: storiesShownOn(entry),
  }))
}

export { crawlEntries }
export type { CrawlEntry }
