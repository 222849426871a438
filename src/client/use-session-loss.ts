'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useEffect, useRef } from 'react'
import { lostSessionReason } from './client-session'
import { loginHref } from '../shared/redirect'
import { isLostSessionReason } from '../shared/reasons'
import type { LostSessionReason } from '../shared/types'
import { sessionAtom } from './atoms'
import { scheduleWarning } from './schedule-warning'
import { useSessionContext } from './session-context'
import { useStoreValue } from './use-store-value'
import { positiveMs } from './session-options'

/** What `onLoss` is told about a lost session. */
type SessionLoss = {
  /** Why the session ended. */
  reason: LostSessionReason
  /** The login page with `next` set to where the user was: the target of a 'Sign in' link. */
  signInHref: string
  /** True on the login page itself, where a 'Sign in' link would go nowhere. */
  onLoginPage: boolean
}

type UseSessionLossOptions = {
  /** Called once per lost session, and once for a believable `?reason=` on the login page. */
  onLoss: (loss: SessionLoss) => void
  /** Warn once this many ms before the session ends (e.g. 120_000); no warning when omitted. */
  warnBefore?: number
  /** Called once per session, `warnBefore` ms before it ends, with the ms left. */
  onWarning?: (msLeft: number) => void
}

/**
 * The "your session is gone" events, without any UI: ExpiryToast is this plus sonner, and an app
 * with its own toast or banner calls it directly. Tells each loss once (a later check confirming
 * it is not a new one), believes `?reason=` only on the login path while signed out (what a
 * server-side redirect leaves; a crafted `/dashboard?reason=revoked` link tells nothing), and
 * strips `?reason=` from the URL so a reload does not tell it again. Uses useSearchParams(): render
 * the caller inside a Suspense boundary. Callbacks may change every render without re-arming.
 */
function useSessionLoss({ onLoss, warnBefore, onWarning }: UseSessionLossOptions): void {
  if (warnBefore !== undefined) positiveMs('useSessionLoss', 'warnBefore', warnBefore)
  if ((warnBefore === undefined) !== (onWarning === undefined)) {
    throw new TypeError('useSessionLoss: give warnBefore and onWarning together, or neither')
  }
  const { loginPath, store } = useSessionContext('useSessionLoss')
  const session = useStoreValue(store, sessionAtom)
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const lost = lostSessionReason(session)
  const status = session.status
  const expiresAt = status === 'authenticated' ? session.expiresAt : null
  const search = searchParams.toString()
  const reasonParam = searchParams.get('reason')

  // Refs, not state: they only remember what was already told (nothing to render).
  const toldLoss = useRef<LostSessionReason | null>(null)
  const handledReasonUrl = useRef<string | null>(null)
  const warnedFor = useRef<number | null>(null)
  const tell = (reason: LostSessionReason) => {
    const next = search ? `${pathname}?${search}` : pathname
    onLoss({
      reason,
      onLoginPage: pathname === loginPath,
      signInHref: loginHref(loginPath, { next }),
    })
  }
  // The latest callbacks, for effects that must not re-run when an inline callback changes.
  const latest = useRef({ tell, onWarning })
  useEffect(() => {
    latest.current = { tell, onWarning }
  })

  useEffect(() => {
    // A new session: its loss, whenever it comes, is a new one to tell.
    if (status === 'authenticated') toldLoss.current = null
    // Nothing lost, or the same loss re-confirmed by a later check or announced by `?reason=`.
    if (lost === null || toldLoss.current === lost) return
    toldLoss.current = lost
    latest.current.tell(lost)
  }, [lost, status])

  // A `?reason=` is only a hint: anyone can send a link with one. A real server-side redirect
  // (proxy, verifySession) or SessionGate's client-side one always lands on the login path with
  // the session gone, so only there, and only once the session is known not to be signed in,
  // is it told (unless this loss already was). Anywhere else it is stripped without a word.
  useEffect(() => {
    if (!isLostSessionReason(reasonParam)) return
    // The first check is still out: whether the user is signed in decides, so wait for it.
    if (status === 'loading') return
    const url = `${pathname}?${search}`
    if (handledReasonUrl.current === url) return
    handledReasonUrl.current = url
    const believable = pathname === loginPath && status !== 'authenticated'
    if (believable && toldLoss.current !== reasonParam) {
      toldLoss.current = reasonParam
      latest.current.tell(reasonParam)
    }
    const rest = new URLSearchParams(search)
    rest.delete('reason')
    const query = rest.toString()
    router.replace(query ? `${pathname}?${query}` : pathname) // a reload must not tell it again
  }, [reasonParam, search, pathname, router, loginPath, status])

  useEffect(() => {
    if (expiresAt === null || warnBefore === undefined || warnedFor.current === expiresAt) return
    // scheduleWarning re-arms a capped timer itself: a 30-day session still gets its warning.
    return scheduleWarning({
      expiresAt,
      warnBefore,
      onWarn: (msLeft) => {
        warnedFor.current = expiresAt
        latest.current.onWarning?.(msLeft)
      },
    })
  }, [expiresAt, warnBefore])
}

export { useSessionLoss }
export type { SessionLoss, UseSessionLossOptions }
