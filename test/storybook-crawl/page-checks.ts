import { test } from '@playwright/test'
import { allowedConsoleError } from './allowed-console-errors'
import { FINISH_TIMEOUT_MS, type PageVisit } from './preview-tab'
import type { RecordedEvent } from './record-storybook-events'
import { shownDifferences } from './shown-differences'
import { storyViews } from './story-views'

/**
 * One thing every crawled page must satisfy. `run` returns its problems (none: passed); it may
 * look at the page itself (`visit.page`), which still shows the entry. Add a check by adding it to
 * PAGE_CHECKS: every entry of the built Storybook then goes through it.
 */
type PageCheck = {
  name: string
  run(visit: PageVisit): string[] | Promise<string[]>
}

/** Storybook said the page was done (every story finished) before the wait ran out. */
const finishes: PageCheck = {
  name: 'finishes',
  run: ({ unfinished }) => (unfinished === null ? [] : [unfinished]),
}

/**
 * Every story on the page passed, as Storybook itself judges it: its play function (run in story
 * view, as in the deployed Storybook), its reporters (the a11y addon fails it on a violation:
 * `a11y.test: 'error'` in preview.tsx) and no unhandled error while it played.
 */
const storiesPass: PageCheck = {
  name: 'stories pass',
  run: ({ events }) => failures(events),
}

/**
 * Every story block of a docs page (each in its own iframe: its own preview, play function and
 * a11y check) finished, and passed as storiesPass judges a story.
 */
const storyBlocksPass: PageCheck = {
  name: 'story blocks pass',
  run: ({ blocks }) =>
    blocks.flatMap(({ blockId, unfinished, events }) =>
      [...(unfinished === null ? [] : [unfinished]), ...failures(events)].map(
        (problem) => `block ${blockId}: ${problem}`,
      ),
    ),
}

/**
 * A component's docs page shows its stories in story blocks, so the checks of blocks have
 * something to check. (Which ones is Storybook's call: a story's `!autodocs` tag keeps it off the
 * page, and index.json misses that tag when a helper sets it, so the index cannot say.)
 */
const componentPageShowsStories: PageCheck = {
  name: 'component page shows stories',
  run: ({ entry, unfinished, blocks }) =>
    entry.componentStories === null || unfinished !== null || blocks.length > 0
      ? []
      : [`no story block (index.json lists ${entry.componentStories.length} stories of its file)`],
}

/**
 * Each story block of a docs page shows what that story's own view shows, once each finished:
 * the same text and the same toasts (shown-differences.ts). The story views are the ones this
 * run's story tests visited (story-views.ts).
 */
const storyBlocksMatchStoryViews: PageCheck = {
  name: 'story blocks match story views',
  async run({ blocks }) {
    const finished = blocks.filter((block) => block.shown !== null)
    if (finished.length === 0) return []
    test.info().setTimeout(test.info().timeout + STORY_VIEW_WAIT_MS)
    const views = await storyViews(
      finished.map((block) => block.storyId),
      STORY_VIEW_WAIT_MS,
    )
    return finished.flatMap(({ blockId, storyId, shown }) => {
      const view = views.get(storyId)
      if (view === undefined)
        return [`block ${blockId}: its story view was not visited in this run`]
      if (view.shown === null)
        return [`block ${blockId}: its story view never finished (see its test)`]
      if (shown === null) return []
      return shownDifferences(shown, view.shown).map(
        (difference) => `block ${blockId} vs story view ${storyId}: ${difference}`,
      )
    })
  },
}

const noPageErrors: PageCheck = {
  name: 'no page errors',
  run: ({ pageErrors }) => pageErrors,
}

const noConsoleErrors: PageCheck = {
  name: 'no console.error',
  run: ({ consoleErrors }) => consoleErrors.filter((message) => !allowedConsoleError(message)),
}

/** Run on every page, in this order. */
const PAGE_CHECKS: ReadonlyArray<PageCheck> = [
  finishes,
  storiesPass,
  storyBlocksPass,
  componentPageShowsStories,
  storyBlocksMatchStoryViews,
  noPageErrors,
  noConsoleErrors,
]

/**
 * How long (ms) a docs page test waits for a story view another worker is still visiting: the
 * story tests are declared first, so at most the last one or two are, each done within
 * FINISH_TIMEOUT_MS; the rest is the time around that wait (a fresh page, the checks).
 */
const STORY_VIEW_WAIT_MS = FINISH_TIMEOUT_MS + 10_000

/** Storybook's verdicts among `events`: each failure, each story that finished without success. */
function failures(events: RecordedEvent[]): string[] {
  return events.flatMap((event) => {
    if (event.type === 'failure') return [`${event.event}: ${event.message}`]
    if (event.type !== 'storyFinished' || event.status === 'success') return []
    const failed = event.reports.filter((report) => report.status === 'failed')
    const reasons = failed.map((report) => `${report.type} ${report.details.join('; ')}`)
    return [
      `${event.storyId} finished with ${event.status}${reasons.map((reason) => `: ${reason}`).join('')}`,
    ]
  })
}

/** Lines kept of one problem: enough for the message and the top of its stack. */
const PROBLEM_LINES = 12

/** Testing Library's errors carry the whole DOM: the top of each problem is what tells. */
function shorten(problem: string): string {
  const lines = problem.split('\n')
  if (lines.length <= PROBLEM_LINES) return problem
  return [...lines.slice(0, PROBLEM_LINES), `… (${lines.length - PROBLEM_LINES} more lines)`].join(
    '\n',
  )
}

/** Every problem of `visit`, each prefixed with the check that found it. */
async function pageProblems(visit: PageVisit): Promise<string[]> {
  const problems: string[] = []
  for (const check of PAGE_CHECKS) {
    for (const problem of await check.run(visit))
      problems.push(`[${check.name}] ${shorten(problem)}`)
  }
  return problems
}

export { PAGE_CHECKS, pageProblems }
export type { PageCheck }
