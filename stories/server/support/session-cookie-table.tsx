import { ResultsTable, type ResultsTableColumn } from './results-table'
import { runCookieStep, type CookieStep, type CookieStepResult } from './cookie-steps'
import { useResults } from './use-results'

type SessionCookieTableProps = {
  /** The calls to make, in order, against one request's cookie jar, one row each. */
  steps: ReadonlyArray<CookieStep>
}

const CALL: ResultsTableColumn<CookieStepResult> = {
  header: 'Call',
  cell: ({ label }) => <code>{label}</code>,
}

const COLUMNS: ReadonlyArray<ResultsTableColumn<CookieStepResult>> = [
  { header: 'Outcome', cell: ({ outcome }) => <code>{outcome}</code> },
  { header: 'Set-Cookie', cell: ({ setCookie }) => <code>{setCookie ?? '(none)'}</code> },
  { header: 'Next request sees', cell: ({ session }) => session },
]

/**
 * Calls the kit's real cookie helpers (as a Server Action would) against Storybook's mocked
 * `cookies()`, and shows what each returned, the cookie it set and what the next request's
 * `getSession()` would read from it.
 */
function SessionCookieTable({ steps }: SessionCookieTableProps) {
  const results = useResults(steps, runCookieStep, steps.join())
  return (
    <ResultsTable
      caption="What each call did to the session cookie"
      rowHeader={CALL}
      columns={COLUMNS}
      results={results}
      rowKey={({ step }) => step}
      failure="The helper threw"
    />
  )
}

export { SessionCookieTable }
export type { SessionCookieTableProps }
