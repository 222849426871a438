import { SESSION_COOKIE_NAME } from '../../../src/shared/constants'

/**
 * The `Set-Cookie` value that deletes the session cookie, attribute by attribute, as the stories
 * expect the server to send it. `Secure` only in production builds (`storybook build`): on
 * http://localhost a Secure cookie could not be set at all.
 */
function expectedClearedCookie(): string {
  return [
    `${SESSION_COOKIE_NAME}=`,
    'Path=/',
    'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    'Max-Age=0',
    ...(process.env.NODE_ENV === 'production' ? ['Secure'] : []),
    'HttpOnly',
    'SameSite=Lax',
  ].join('; ')
}

export { expectedClearedCookie }
