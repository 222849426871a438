import { resultsTable } from './results-table'
import { runRouteState } from './route-states'

/**
 * Calls the kit's real `createSessionRoute()` handlers in the browser, one row per situation in
 * `states` (each built and sent to the real GET / DELETE handler), and shows what they answered.
 */
const SessionRouteTable = resultsTable('states', {
  caption: 'GET and DELETE /api/session: what the real route handler answers',
  rowHeader: { header: 'State', cell: ({ label }) => label },
  columns: [
    { header: 'Request', cell: ({ request }) => <code>{request}</code> },
    { header: 'Status', cell: ({ status }) => status },
    { header: 'Body', cell: ({ body }) => <code>{body === '' ? '(empty)' : body}</code> },
    { header: 'Set-Cookie', cell: ({ setCookie }) => <code>{setCookie ?? '(none)'}</code> },
    {
      header: 'Cache-Control',
      cell: ({ cacheControl }) => <code>{cacheControl ?? '(none)'}</code>,
    },
    { header: 'Retry-After', cell: ({ retryAfter }) => <code>{retryAfter ?? '(none)'}</code> },
  ],
  run: runRouteState,
  itemsKey: (states) => states.join(),
  rowKey: ({ state }) => state,
  failure: 'The route handler threw',
})

export { SessionRouteTable }
