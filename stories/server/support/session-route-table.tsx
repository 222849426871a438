import { ResultsTable, type ResultsTableColumn } from './results-table'
import { runRouteState, type RouteResult, type RouteState } from './route-states'
import { useResults } from './use-results'

type SessionRouteTableProps = {
  /** The situations to build and send to the real GET / DELETE handlers, one row each. */
  states: ReadonlyArray<RouteState>
}

const STATE: ResultsTableColumn<RouteResult> = { header: 'State', cell: ({ label }) => label }

const COLUMNS: ReadonlyArray<ResultsTableColumn<RouteResult>> = [
  { header: 'Request', cell: ({ request }) => <code>{request}</code> },
  { header: 'Status', cell: ({ status }) => status },
  { header: 'Body', cell: ({ body }) => <code>{body === '' ? '(empty)' : body}</code> },
  { header: 'Set-Cookie', cell: ({ setCookie }) => <code>{setCookie ?? '(none)'}</code> },
  { header: 'Cache-Control', cell: ({ cacheControl }) => <code>{cacheControl ?? '(none)'}</code> },
]

/**
 * Calls the kit's real `createSessionRoute()` handlers in the browser, one situation per row,
 * and shows what they answered.
 */
function SessionRouteTable({ states }: SessionRouteTableProps) {
  const results = useResults(states, runRouteState, states.join())
  return (
    <ResultsTable
      caption="GET and DELETE /api/session: what the real route handler answers"
      rowHeader={STATE}
      columns={COLUMNS}
      results={results}
      rowKey={({ state }) => state}
      failure="The route handler threw"
    />
  )
}

export { SessionRouteTable }
export type { SessionRouteTableProps }
