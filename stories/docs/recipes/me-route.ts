import 'server-only'
import { getSession } from '@/lib/session/get-session'

// Every answer depends on the caller's cookie: no browser, CDN or proxy may store it.
const NO_STORE = { 'Cache-Control': 'no-store' }

/**
 * app/api/me/route.ts: an API that needs the user. An API answers 401, it does not redirect
 * (a fetch() that follows a redirect gets the sign-in page's HTML), so it calls getSession()
 * and not verifySession(). Pages and Server Actions call verifySession().
 */
async function GET(): Promise<Response> {
  const session = await getSession()
  if (session.status !== 'authenticated') {
    return Response.json(
      { error: 'Not signed in', reason: session.reason },
      {
        status: 401,
        headers: NO_STORE,
      },
    )
  }
  return Response.json({ user: session.user }, { headers: NO_STORE })
}

// The answer depends on the request's cookie: never prerender or cache it.
export const dynamic = 'force-dynamic'

export { GET }
