import 'server-only'
import { parseSessionPayload } from '@/lib/session'
import { loadUser } from '@/lib/session/load-user'
import { createSessionRoute, serializeSessionCookie } from '@/lib/session/server'
import { renewSession } from './sliding-session'

// app/api/session/route.ts for sliding sessions. SessionProvider asks this endpoint on
// navigation, focus, `online` and at `expiresAt`, and these requests do not pass the proxy
// (its matcher skips /api/), so the route handler renews too. The kit's GET decides first; a
// signed-in answer past half its life is sent again with a renewed cookie and the new
// `expiresAt`, so the provider's expiry timer moves with the cookie.
const session = createSessionRoute({ loadUser })

async function GET(request: Request): Promise<Response> {
  const response = await session.GET(request)
  if (response.status !== 200) return response // a failed check: the kit's 500 as it is
  const parsed = parseSessionPayload(await response.clone().json())
  if (!parsed.ok || parsed.payload.status !== 'authenticated') return response
  const { user, expiresAt } = parsed.payload
  const renewed = await renewSession(user.id, Date.parse(expiresAt))
  if (!renewed) return response
  const payload = { ...parsed.payload, expiresAt: new Date(renewed.expiresAt).toISOString() }
  return Response.json(payload, {
    status: 200,
    headers: {
      'Cache-Control': 'no-store',
      'Set-Cookie': serializeSessionCookie(renewed.name, renewed.value, renewed.options),
    },
  })
}

const { DELETE } = session

// The answer depends on the request's cookie: never prerender or cache it.
export const dynamic = 'force-dynamic'

export { DELETE, GET }
