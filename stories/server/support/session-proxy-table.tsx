import { runProxyCase, type ProxyCase, type ProxyResult } from './proxy-cases'
import { useResults } from './use-results'

type SessionProxyTableProps = {
  /** Paths and cookies to send through the real proxy, one row each. */
  cases: ReadonlyArray<ProxyCase>
}

const COLUMNS = ['Decision', 'Location', 'Session cookie', 'Forwarded path'] as const

function Row({ result }: { result: ProxyResult }) {
  return (
    <tr>
      <th scope="row">
        <code>{result.label}</code>
      </th>
      <td>{result.decision}</td>
      <td>
        <code>{result.location}</code>
      </td>
      <td>{result.sessionCookie}</td>
      <td>
        <code>{result.forwardedPath}</code>
      </td>
    </tr>
  )
}

/** Runs the kit's real `createSessionProxy()` on each path and cookie, and shows its decision. */
function SessionProxyTable({ cases }: SessionProxyTableProps) {
  const key = cases.map(({ path, cookie }) => `${cookie} ${path}`).join('\n')
  const results = useResults(cases, runProxyCase, key)
  if (results.status === 'failed') return <p role="alert">The proxy threw: {results.message}</p>
  return (
    <table aria-busy={results.status === 'running'}>
      <caption>proxy.ts: what the real session proxy decides for each path and cookie</caption>
      <thead>
        <tr>
          <th scope="col">Request</th>
          {COLUMNS.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.status === 'done' &&
          results.rows.map((result) => <Row key={result.label} result={result} />)}
      </tbody>
    </table>
  )
}

export { SessionProxyTable }
export type { SessionProxyTableProps }
