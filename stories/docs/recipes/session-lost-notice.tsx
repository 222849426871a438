'use client'
import Link from 'next/link'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { Suspense, useEffect, useState } from 'react'
import { isLostSessionReason, LOGIN_PATH, loginHref } from '@/lib/session/index'
import { useSession } from '@/lib/session/client/use-session'
import { lostSessionReason } from '@/lib/session/shared/client-session'
import type { LostSessionReason } from '@/lib/session/shared/types'

const MESSAGES: Record<LostSessionReason, string> = {
  expired: 'Your session has expired. Please sign in again.',
  invalid: 'Your session is no longer valid. Please sign in again.',
  revoked: 'Your access has been revoked. Please sign in again.',
}

type SessionLostNoticeProps = {
  /** The login path given to SessionProvider (the provider does not expose it). */
  loginPath?: string
}

function SessionLostNoticeView({ loginPath = LOGIN_PATH }: SessionLostNoticeProps) {
  const { session } = useSession()
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const search = searchParams.toString()
  const reasonParam = searchParams.get('reason')
  const [notice, setNotice] = useState<LostSessionReason | null>(null)
  // The loss already told: a later check that confirms the same loss must not tell it again.
  const [told, setTold] = useState<LostSessionReason | null>(null)

  // Adjusting state while rendering (React's pattern for "react to a changed value") instead of
  // in an effect: the notice appears in the same commit as the state that caused it.
  const lost = lostSessionReason(session)
  const signedOut = session.status === 'unauthenticated'
  // After a server-side redirect (proxy, verifySession) only the URL knows: /auth?reason=expired.
  // Believe it only on the login page and only while signed out: anyone can send such a link.
  const fromUrl =
    pathname === loginPath && signedOut && isLostSessionReason(reasonParam) ? reasonParam : null
  const loss = lost ?? fromUrl
  if (session.status === 'authenticated' && told !== null) setTold(null) // a new session
  if (loss !== null && loss !== told) {
    setTold(loss)
    setNotice(loss)
  }

  // Strip `?reason=` once the session is known, so a reload does not tell it again.
  useEffect(() => {
    if (!isLostSessionReason(reasonParam) || session.status === 'loading') return
    const rest = new URLSearchParams(search)
    rest.delete('reason')
    const query = rest.toString()
    router.replace(query ? `${pathname}?${query}` : pathname)
  }, [reasonParam, search, pathname, router, session.status])

  if (notice === null) return null
  const here = search ? `${pathname}?${search}` : pathname
  return (
    <div role="alert" className="session-lost-notice">
      <p>{MESSAGES[notice]}</p>
      {pathname !== loginPath && <Link href={loginHref(loginPath, { next: here })}>Sign in</Link>}
      <button type="button" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  )
}

/**
 * Your own "session lost" notice instead of ExpiryToast and sonner: render it once, inside
 * SessionProvider (in the root layout, so it stays up across the redirect to the login page).
 */
function SessionLostNotice(props: SessionLostNoticeProps) {
  // useSearchParams() on a statically rendered page needs a Suspense boundary.
  return (
    <Suspense fallback={null}>
      <SessionLostNoticeView {...props} />
    </Suspense>
  )
}

export { SessionLostNotice }
