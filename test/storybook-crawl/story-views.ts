import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RecordedEvent, StoryShown } from './record-storybook-events'

/**
 * What each story's own view showed, handed from the test that visited it to the docs page tests
 * that compare their story blocks with it (Playwright's workers share nothing else): one JSON file
 * per story, in a folder made for this run by story-views-folder.ts.
 */
type StoryViewRecord = {
  /** What it showed when its story finished; null: it never finished (its own test says why). */
  shown: StoryShown | null
}

/** Set by story-views-folder.ts before the workers start; they inherit it. */
const STORY_VIEWS_DIR_ENV = 'STORYBOOK_CRAWL_STORY_VIEWS_DIR'
/** How often (ms) a docs page test looks again for a story view still being visited. */
const POLL_MS = 250

function storyViewsDir(): string {
  const dir = process.env[STORY_VIEWS_DIR_ENV]
  if (!dir) throw new Error(`${STORY_VIEWS_DIR_ENV} is unset: run the crawler with its config`)
  return dir
}

/** Records what story `storyId`'s view showed, from the events of its visit. */
async function recordStoryView(storyId: string, events: RecordedEvent[]): Promise<void> {
  const finish = events.find((event) => event.type === 'storyFinished' && event.storyId === storyId)
  const record: StoryViewRecord = { shown: finish?.type === 'storyFinished' ? finish.shown : null }
  const file = path.join(storyViewsDir(), `${storyId}.json`)
  await mkdir(path.dirname(file), { recursive: true })
  // Written aside, then renamed: a reader never sees half a file.
  await writeFile(`${file}.part`, JSON.stringify(record))
  await rename(`${file}.part`, file)
}

/**
 * The record of each of `storyIds`, waiting up to `timeoutMs` for those not written yet: every
 * story test is declared before the docs page tests, so one still missing is being visited by
 * another worker. Missing from the map: no test visited it in this run (filtered out by -g?).
 */
async function storyViews(
  storyIds: ReadonlyArray<string>,
  timeoutMs: number,
): Promise<Map<string, StoryViewRecord>> {
  const records = new Map<string, StoryViewRecord>()
  const deadline = performance.now() + timeoutMs
  for (;;) {
    for (const storyId of storyIds.filter((id) => !records.has(id))) {
      const file = path.join(storyViewsDir(), `${storyId}.json`)
      const text = await readFile(file, 'utf8').catch(() => null)
      if (text !== null) records.set(storyId, JSON.parse(text) as StoryViewRecord)
    }
    if (records.size === new Set(storyIds).size || performance.now() >= deadline) return records
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

export { recordStoryView, STORY_VIEWS_DIR_ENV, storyViews }
export type { StoryViewRecord }
