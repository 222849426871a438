import { test, type Page } from '@playwright/test'
import { describeUnfinished } from './describe-unfinished'
import type { RecordedEvent, StoryShown, StorybookCrawlLog } from './record-storybook-events'

/** One story block of a docs page (`[data-story-block]`), as it ended. */
type StoryBlock = {
  /** The block's element id: `story--<storyId>`, with `--primary` on an autodocs page's first. */
  blockId: string
  storyId: string
  /** In its own iframe (a story view of its own), or rendered inline in the docs page. */
  framed: boolean
  /** Its own frame's events (an inline block's are the docs page's own). */
  events: RecordedEvent[]
  /** What it showed when its story finished; null if it never did. */
  shown: StoryShown | null
  /** Null when it finished; else what was still running when its wait ran out. */
  unfinished: string | null
}

/** Which block: page.evaluate takes plain data, so each step finds the block's frame by id. */
type BlockArgs = { blockId: string; storyId: string }

/**
 * Every story block the docs page in `page` shows, each once it finished, in page order.
 * Storybook loads a block's iframe lazily (`loading="lazy"`), as it nears the viewport: each block
 * is scrolled into view in turn, as a visitor reading down the page would, and waited for there
 * (the ones just below it load meanwhile). Each block gets `finishTimeoutMs`, and the test as much
 * more time, so this wait ends first and says which block was still running.
 */
async function storyBlocks(page: Page, finishTimeoutMs: number): Promise<StoryBlock[]> {
  const found = await page.evaluate(() =>
    [...document.querySelectorAll('[data-story-block]')].map((block) => ({
      blockId: block.id,
      framed: block.querySelector('iframe') !== null,
    })),
  )
  const blocks: StoryBlock[] = []
  for (const { blockId, framed } of found) {
    // A story id has one `--` (Storybook collapses dashes in titles and names), so a trailing
    // `--primary` can only be the primary block's suffix.
    const storyId = blockId.replace(/^story--/, '').replace(/--primary$/, '')
    blocks.push(
      framed
        ? await framedBlock(page, { blockId, storyId }, finishTimeoutMs)
        : await inlineBlock(page, { blockId, storyId }),
    )
  }
  return blocks
}

async function framedBlock(page: Page, args: BlockArgs, timeoutMs: number): Promise<StoryBlock> {
  test.info().setTimeout(test.info().timeout + timeoutMs)
  await page.evaluate(({ blockId }) => {
    document.getElementById(blockId)?.scrollIntoView({ block: 'center' })
  }, args)
  const finished = await page
    .waitForFunction(
      ({ blockId, storyId }) => {
        const frame = document.getElementById(blockId)?.querySelector('iframe')?.contentWindow
        const log = (frame as { __storybookCrawl?: StorybookCrawlLog } | null | undefined)
          ?.__storybookCrawl
        return log?.progress(storyId, 'story', 0).done
      },
      args,
      { timeout: timeoutMs, polling: 100 },
    )
    .then(() => true)
    .catch(() => false)
  const { events, running } = await page.evaluate(({ blockId, storyId }) => {
    const frame = document.getElementById(blockId)?.querySelector('iframe')?.contentWindow
    const log = (frame as { __storybookCrawl?: StorybookCrawlLog } | null | undefined)
      ?.__storybookCrawl
    return { events: log?.events ?? [], running: log?.progress(storyId, 'story', 0).running ?? [] }
  }, args)
  const finish = events.find(
    (event) => event.type === 'storyFinished' && event.storyId === args.storyId,
  )
  return {
    ...args,
    framed: true,
    events,
    shown: finish?.type === 'storyFinished' ? finish.shown : null,
    unfinished: finished ? null : describeUnfinished(timeoutMs, events, running),
  }
}

/** Inline, a story shares the docs page's document (toasts too); the page's own wait covered it. */
async function inlineBlock(page: Page, args: BlockArgs): Promise<StoryBlock> {
  const shown = await page.evaluate(
    ({ blockId }) =>
      (window as { __storybookCrawl?: StorybookCrawlLog }).__storybookCrawl?.shownIn(
        document.getElementById(blockId),
      ) ?? null,
    args,
  )
  return { ...args, framed: false, events: [], shown, unfinished: null }
}

export { storyBlocks }
export type { StoryBlock }
