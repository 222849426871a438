import { runCookieStep } from './cookie-steps'
import { resultsTable } from './results-table'

/**
 * Calls the kit's real cookie helpers (as a Server Action would) against Storybook's mocked
 * `cookies()`, one row per call in `steps` (in order, against one request's cookie jar), and
 * shows what each returned, the cookie it set and what the next request's `getSession()` would
 * read from it.
 */
const SessionCookieTable = resultsTable('steps', {
  caption: 'What each call did to the session cookie',
  rowHeader: { header: 'Call', cell: ({ label }) => <code>{label}</code> },
  columns: [
    { header: 'Outcome', cell: ({ outcome }) => <code>{outcome}</code> },
    { header: 'Set-Cookie', cell: ({ setCookie }) => <code>{setCookie ?? '(none)'}</code> },
    { header: 'Next request sees', cell: ({ session }) => session },
  ],
  run: runCookieStep,
  itemsKey: (steps) => steps.join(),
  rowKey: ({ step }) => step,
  failure: 'The helper threw',
})

export { SessionCookieTable }
