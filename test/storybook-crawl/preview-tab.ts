import type { BrowserContext, Page } from '@playwright/test'
import type { CrawlEntry } from './crawl-entries'
import { describeUnfinished } from './describe-unfinished'
import {
  recordStorybookEvents,
  type RecordedEvent,
  type StorybookCrawlLog,
} from './record-storybook-events'
import { storyBlocks, type StoryBlock } from './story-blocks'

/** What one entry showed: the input of every page check. */
type PageVisit = {
  entry: CrawlEntry
  /** Still open, showing the entry: a check may look at the rendered page itself. */
  page: Page
  /** The entry this tab showed just before (null: loaded fresh), for diagnosing leftovers. */
  after: string | null
  /** Uncaught exceptions and unhandled rejections, in any frame of the page. */
  pageErrors: string[]
  /** `console.error` calls (and Chromium's own error log lines), in any frame of the page. */
  consoleErrors: string[]
  /** Storybook's own account of each story on the page (record-storybook-events.ts). */
  events: RecordedEvent[]
  /** Null when the entry finished; else what was still running when the wait ran out. */
  unfinished: string | null
  /** A docs page's story blocks, each once it finished (none for a story, or an unfinished page). */
  blocks: StoryBlock[]
}

/**
 * Per entry, and per story block of a docs page, in ms: the slowest story waits ~5 s of real
 * timers, a docs page renders ~20.
 */
const FINISH_TIMEOUT_MS = 30_000
/** How long (ms) a docs page's inline stories must stay still to count as done. */
const DOCS_QUIET_MS = 500

type ProgressArgs = { id: string; type: CrawlEntry['type']; quietMs: number }

/**
 * One preview iframe (iframe.html) opened as a page, visiting entries one after another the way
 * the deployed Storybook's manager switches them when a visitor clicks through the sidebar: the
 * preview stays loaded and gets `setCurrentStory` on its channel. Loading the preview (its
 * bundle, MSW's worker) takes several times longer than a story, and this is what visitors do.
 * After an entry that had problems, the next one starts from a fresh page, so one broken story
 * cannot fail the ones after it.
 */
class PreviewTab {
  private page: Page | null = null
  private shown: string | null = null
  private pageErrors: string[] = []
  private consoleErrors: string[] = []

  constructor(private readonly context: BrowserContext) {}

  /** Shows `entry`, waits until Storybook says it is done, and returns what it saw. */
  async visit(entry: CrawlEntry): Promise<PageVisit> {
    // A docs page starts from a fresh page. Its blocks are previews of their own, each an MSW
    // client; a tab that showed stories is one too, holding the last story's handlers, and MSW's
    // worker hands a request from a frame it has no active client for to a visible active client.
    // Seen as a docs block answered by another story's scenario (ExpiryToast's Slow: malformed).
    if (entry.type === 'docs') await this.discard()
    const after = this.page ? this.shown : null
    this.pageErrors = []
    this.consoleErrors = []
    const page = this.page ?? (await this.open(entry))
    if (after !== null) {
      await page.evaluate(
        ({ id, type }) => {
          const crawl = window as unknown as {
            __storybookCrawl: StorybookCrawlLog
            __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, payload: unknown): void }
          }
          crawl.__storybookCrawl.clear()
          crawl.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', {
            storyId: id,
            viewMode: type,
          })
        },
        { id: entry.id, type: entry.type },
      )
    }
    this.shown = entry.id
    const args: ProgressArgs = { id: entry.id, type: entry.type, quietMs: DOCS_QUIET_MS }
    const finished = await page
      .waitForFunction(
        ({ id, type, quietMs }) =>
          (
            window as unknown as { __storybookCrawl?: StorybookCrawlLog }
          ).__storybookCrawl?.progress(id, type, quietMs).done,
        args,
        { timeout: FINISH_TIMEOUT_MS, polling: 100 },
      )
      .then(() => true)
      .catch(() => false)
    const { events, running } = await page.evaluate(({ id, type, quietMs }) => {
      const log = (window as unknown as { __storybookCrawl?: StorybookCrawlLog }).__storybookCrawl
      return { events: log?.events ?? [], running: log?.progress(id, type, quietMs).running ?? [] }
    }, args)
    return {
      entry,
      page,
      after,
      // The same arrays the listeners fill: what the blocks log while they are waited for counts.
      pageErrors: this.pageErrors,
      consoleErrors: this.consoleErrors,
      events,
      unfinished: finished ? null : describeUnfinished(FINISH_TIMEOUT_MS, events, running),
      blocks: finished && entry.type === 'docs' ? await storyBlocks(page, FINISH_TIMEOUT_MS) : [],
    }
  }

  /** The next entry starts from a fresh page (call after an entry with problems). */
  async discard(): Promise<void> {
    await this.page?.close()
    this.page = null
  }

  private async open(entry: CrawlEntry): Promise<Page> {
    const page = await this.context.newPage()
    page.on('pageerror', (error) => this.pageErrors.push(error.stack ?? String(error)))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const { url, lineNumber } = message.location()
      this.consoleErrors.push(url ? `${message.text()} (at ${url}:${lineNumber})` : message.text())
    })
    await page.addInitScript(recordStorybookEvents)
    await page.goto(entry.path)
    this.page = page
    return page
  }
}

export { FINISH_TIMEOUT_MS, PreviewTab }
export type { PageVisit }
