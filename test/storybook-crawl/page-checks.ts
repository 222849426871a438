import { allowedConsoleError } from './allowed-console-errors'
import type { PageVisit } from './preview-tab'

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
  run: ({ events }) =>
    events.flatMap((event) => {
      if (event.type === 'failure') return [`${event.event}: ${event.message}`]
      if (event.type !== 'storyFinished' || event.status === 'success') return []
      const failed = event.reports.filter((report) => report.status === 'failed')
      const reasons = failed.map((report) => `${report.type} ${report.details.join('; ')}`)
      return [
        `${event.storyId} finished with ${event.status}${reasons.map((reason) => `: ${reason}`).join('')}`,
      ]
    }),
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
const PAGE_CHECKS: ReadonlyArray<PageCheck> = [finishes, storiesPass, noPageErrors, noConsoleErrors]

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
