import 'server-only'

/**
 * Request header the session proxy sets on every request it lets through: the path and query
 * the browser asked for. Server Components do not know their own URL, so `verifySession()` reads
 * it to send users back where they were after sign-in. The proxy overwrites any value a client
 * sends, and the value still goes through `safeNextPath` before it is used.
 */
const REQUEST_PATH_HEADER = 'x-session-kit-path'

export { REQUEST_PATH_HEADER }
