import { runRouteState, type RouteResult, type RouteState } from './route-states'
import { useResults } from './use-results'

type SessionRouteTableProps = {
  /** The situations to build and send to the real GET / DELETE handlers, one row each. */
  states: ReadonlyArray<RouteState>
}

const COLUMNS = ['Request', 'Status', 'Body', 'Set-Cookie', 'Cache-Control'] as const

function Row({ result }: { result: RouteResult }) {
  return (
    <tr>
      <th scope="row">{result.label}</th>
      <td>
        <code>{result.request}</code>
      </td>
      <td>{result.status}</td>
      <td>
        <code>{result.body === '' ? '(empty)' : result.body}</code>
      </td>
      <td>
        <code>{result.setCookie ?? '(none)'}</code>
      </td>
      <td>
        <code>{result.cacheControl ?? '(none)'}</code>
      </td>
    </tr>
  )
}

/**
 * Calls the kit's real `createSessionRoute()` handlers in the browser, one situation per row,
 * and shows what they answered.
 */
function SessionRouteTable({ states }: SessionRouteTableProps) {
  const results = useResults(states, runRouteState, states.join())
  if (results.status === 'failed') return <p role="alert">The route handler threw: {results.message}</p>
  return (
    <table aria-busy={results.status === 'running'}>
      <caption>GET and DELETE /api/session: what the real route handler answers</caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          {COLUMNS.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.status === 'done' &&
          results.rows.map((result) => <Row key={result.state} result={result} />)}
      </tbody>
    </table>
  )
}

export { SessionRouteTable }
export type { SessionRouteTableProps }
