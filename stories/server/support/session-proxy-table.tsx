import { runProxyCase, type ProxyCase, type ProxyResult } from './proxy-cases'
import { ResultsTable, type ResultsTableColumn } from './results-table'
import { useResults } from './use-results'

type SessionProxyTableProps = {
  /** Paths and cookies to send through the real proxy, one row each. */
  cases: ReadonlyArray<ProxyCase>
}

const REQUEST: ResultsTableColumn<ProxyResult> = {
  header: 'Request',
  cell: ({ label }) => <code>{label}</code>,
}

const COLUMNS: ReadonlyArray<ResultsTableColumn<ProxyResult>> = [
  { header: 'Decision', cell: ({ decision }) => decision },
  { header: 'Location', cell: ({ location }) => <code>{location}</code> },
  { header: 'Session cookie', cell: ({ sessionCookie }) => sessionCookie },
  { header: 'Forwarded path', cell: ({ forwardedPath }) => <code>{forwardedPath}</code> },
]

/** Runs the kit's real `createSessionProxy()` on each path and cookie, and shows its decision. */
function SessionProxyTable({ cases }: SessionProxyTableProps) {
  const key = cases.map(({ path, cookie }) => `${cookie} ${path}`).join('\n')
  const results = useResults(cases, runProxyCase, key)
  return (
    <ResultsTable
      caption="proxy.ts: what the real session proxy decides for each path and cookie"
      rowHeader={REQUEST}
      columns={COLUMNS}
      results={results}
      rowKey={({ label }) => label}
      failure="The proxy threw"
    />
  )
}

export { SessionProxyTable }
export type { SessionProxyTableProps }
