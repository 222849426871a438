import {
  currentSessionCookieName,
  isSessionCookieSecure,
} from '@/lib/session/server/cookie-options'

/**
 * The `Set-Cookie` value that deletes the session cookie, attribute by attribute, as the stories
 * expect the server to send it. The name and `Secure` follow the server's own decision for this
 * build: `__Host-session` and `Secure` in a production build (`storybook build`), `session` without
 * `Secure` in the dev server and the Vitest run (on http://localhost a Secure cookie could not be
 * set at all).
 */
function expectedClearedCookie(): string {
  return [
    `${currentSessionCookieName()}=`,
    'Path=/',
    'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    'Max-Age=0',
    ...(isSessionCookieSecure() ? ['Secure'] : []),
    'HttpOnly',
    'SameSite=Lax',
  ].join('; ')
}

export { expectedClearedCookie }
