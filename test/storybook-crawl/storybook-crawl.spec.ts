// Opens every entry of the built Storybook (storybook-static/index.json: each story in story
// view, each docs page with each of its story blocks) in Chromium, as a visitor of the deployed
// Storybook would, and runs every page check on it (page-checks.ts). In story view Storybook runs
// the story's play function and its a11y check, so this is also the run of the story tests in a
// production build. A docs page's blocks are compared with what the story tests saw.
import { test as base, expect } from '@playwright/test'
import { crawlEntries, type CrawlEntry } from './crawl-entries'
import { STORYBOOK_CRAWL_URL, STORYBOOK_STATIC_DIR } from './crawl-env'
import { pageProblems } from './page-checks'
import { PreviewTab } from './preview-tab'
import { recordStoryView } from './story-views'

// One preview tab per worker, in its own browser context, visiting that worker's entries in turn
// (preview-tab.ts). One tab per context keeps the isolation that matters: stories share
// BroadcastChannel names and MSW's worker, and two open tabs of one context would hear each other.
const test = base.extend<object, { previewTab: PreviewTab }>({
  previewTab: [
    async ({ browser }, provide) => {
      const context = await browser.newContext({ baseURL: STORYBOOK_CRAWL_URL })
      await provide(new PreviewTab(context))
      await context.close()
    },
    { scope: 'worker' },
  ],
})

const entries = crawlEntries(STORYBOOK_STATIC_DIR)
// Story tests first: a docs page test compares its blocks with what they recorded, and Playwright
// hands out tests in the order they are declared. Then the docs pages, those with the most story
// blocks first (each block loads a preview of its own), so the two workers end close together.
const storyBlockCount = (entry: CrawlEntry) => entry.componentStories?.length ?? 0
const ordered = [
  ...entries.filter((entry) => entry.type === 'story'),
  ...entries
    .filter((entry) => entry.type === 'docs')
    .sort((a, b) => storyBlockCount(b) - storyBlockCount(a)),
]

for (const entry of ordered) {
  test(`${entry.type} ${entry.id}`, async ({ previewTab }) => {
    const visit = await previewTab.visit(entry)
    if (entry.type === 'story') await recordStoryView(entry.id, visit.events)
    const problems = await pageProblems(visit)
    if (problems.length > 0) await previewTab.discard()
    const shown = visit.after === null ? 'loaded fresh' : `shown after ${visit.after}`
    expect(problems, `${entry.label} (${entry.path}, ${shown})`).toEqual([])
  })
}
