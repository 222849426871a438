import 'server-only'
import type { NextRequest, NextResponse } from 'next/server'
import { createSessionProxy, decryptSession } from '@/lib/session/server'
import { currentSessionCookieName } from '@/lib/session/server/cookie'
import { HOME_PATH, LOGIN_PATH } from '@/lib/session/shared/constants'
import { renewSession } from './sliding-session'

// proxy.ts for sliding sessions: the kit's proxy decides first, then a valid session past half
// its life gets a renewed cookie on the same response. Renewing here (or in the route handler),
// never in a Server Component: Server Components cannot set cookies. The file's `config` stays as
// installed: it skips /api/, so the route handler renews for the client's own checks
// (sliding-route.ts).
const sessionProxy = createSessionProxy({
  protectedPaths: ['/dashboard', '/settings'],
  guestOnlyPaths: [LOGIN_PATH],
  loginPath: LOGIN_PATH,
  homePath: HOME_PATH,
})

async function proxy(request: NextRequest): Promise<NextResponse> {
  const response = await sessionProxy(request)
  // A redirect (signed out, or a signed-in user on a guest-only page) goes out as the kit made it.
  if (response.status !== 200) return response
  // One value per name here: in production the cookie is `__Host-session`, which only this host
  // can set. (The kit's own readers also try planted duplicates of the plain development name.)
  const token = request.cookies.get(currentSessionCookieName())?.value
  const opened = await decryptSession(token)
  if (!opened.ok) return response // no session, or a bad one: nothing to renew
  const renewed = await renewSession(opened.session.userId, opened.session.expiresAt)
  if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options)
  return response
}

export { proxy }
