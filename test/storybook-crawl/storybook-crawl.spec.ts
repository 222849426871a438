// Opens every entry of the built Storybook (storybook-static/index.json: each story in story
// view, each docs page) in Chromium, as a visitor of the deployed Storybook would, and runs every
// page check on it (page-checks.ts). In story view Storybook runs the story's play function and
// its a11y check, so this is also the run of the story tests in a production build.
import { test as base, expect } from '@playwright/test'
import { crawlEntries } from './crawl-entries'
import { STORYBOOK_CRAWL_URL, STORYBOOK_STATIC_DIR } from './crawl-env'
import { pageProblems } from './page-checks'
import { PreviewTab } from './preview-tab'

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

for (const entry of crawlEntries(STORYBOOK_STATIC_DIR)) {
  test(`${entry.type} ${entry.id}`, async ({ previewTab }) => {
    const visit = await previewTab.visit(entry)
    const problems = await pageProblems(visit)
    if (problems.length > 0) await previewTab.discard()
    const shown = visit.after === null ? 'loaded fresh' : `shown after ${visit.after}`
    expect(problems, `${entry.label} (${entry.path}, ${shown})`).toEqual([])
  })
}
