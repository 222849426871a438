import { runProxyCase } from './proxy-cases'
import { resultsTable } from './results-table'

/**
 * Runs the kit's real `createSessionProxy()` on each path and cookie in `cases`, one row each,
 * and shows its decision.
 */
const SessionProxyTable = resultsTable('cases', {
  caption: 'proxy.ts: what the real session proxy decides for each path and cookie',
  rowHeader: { header: 'Request', cell: ({ label }) => <code>{label}</code> },
  columns: [
    { header: 'Decision', cell: ({ decision }) => decision },
    { header: 'Location', cell: ({ location }) => <code>{location}</code> },
    { header: 'Session cookie', cell: ({ sessionCookie }) => sessionCookie },
    { header: 'Forwarded path', cell: ({ forwardedPath }) => <code>{forwardedPath}</code> },
  ],
  run: runProxyCase,
  itemsKey: (cases) => cases.map(({ path, cookie }) => `${cookie} ${path}`).join('\n'),
  rowKey: ({ label }) => label,
  failure: 'The proxy threw',
})

export { SessionProxyTable }
