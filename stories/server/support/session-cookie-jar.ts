import { cookies, headers } from '@storybook/nextjs-vite/headers.mock'
import { redirect } from '@storybook/nextjs-vite/navigation.mock'
import { REQUEST_PATH_HEADER } from '@/lib/session/server/dal'
import { currentSessionCookieName } from '@/lib/session/server/cookie'

/**
 * A fresh request for a story that calls the kit's server code: no session cookie and no
 * forwarded path left over from the story before, and no recorded `cookies().set()` or
 * `redirect()` calls. (On a docs page each story has its own iframe, so its own mocks; in the
 * story view one preview switches stories and keeps them.)
 */
function freshRequest(): void {
  cookies().delete(currentSessionCookieName())
  headers().delete(REQUEST_PATH_HEADER)
  cookies().set.mockClear()
  redirect.mockClear()
}

/** The session cookie as the browser would send it, under the name the server reads in this build. */
async function setSessionCookie(token: Promise<string>): Promise<void> {
  cookies().set(currentSessionCookieName(), await token)
}

/** The session cookie's value in the request's cookie jar now, or undefined without one. */
function sessionCookieValue(): string | undefined {
  return cookies().get(currentSessionCookieName())?.value
}

export { freshRequest, sessionCookieValue, setSessionCookie }
