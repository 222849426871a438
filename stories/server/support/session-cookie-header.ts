import { currentSessionCookieName } from '@/lib/session/server/cookie'

/**
 * The `Cookie` request header a browser sends with the session token, named by the server's own
 * `currentSessionCookieName()`: `__Host-session` in a production build (`storybook build`, where
 * NODE_ENV is production), `session` in the dev server and the Vitest run. A name spelled out here
 * would be the one the other build's server never reads.
 */
function sessionCookieHeader(token: string): { cookie: string } {
  return { cookie: `${currentSessionCookieName()}=${token}` }
}

export { sessionCookieHeader }
