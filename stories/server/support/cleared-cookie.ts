import { clearedSessionCookie } from '@/lib/session/server/cookie'

/**
 * The `Set-Cookie` value that deletes the session cookie, as the stories expect the server to send
 * it: the contract's (`clearedSessionCookieHeader`), under the server's own `secure` decision for
 * this build: `__Host-session` and `Secure` in a production build (`storybook build`), `session`
 * without `Secure` in the dev server and the Vitest run (on http://localhost a Secure cookie could
 * not be set at all).
 */
function expectedClearedCookie(): string {
  return clearedSessionCookie().header
}

export { expectedClearedCookie }
