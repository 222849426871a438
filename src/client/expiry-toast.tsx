'use client'
import { useAtomValue } from 'jotai'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { Suspense, useEffect, useRef } from 'react'
import { toast } from 'sonner'
import { lostSessionReason } from '../shared/client-session'
import { SESSION_EXPIRED_TOAST_ID } from '../shared/constants'
import { loginHref } from '../shared/redirect'
import { isLostSessionReason } from '../shared/schema'
import type { LostSessionReason } from '../shared/types'
import { sessionAtom } from './atoms'
import { scheduleWarning } from './schedule-warning'
import { useSessionContext } from './session-context'

/** The early warning has its own id: it may stand beside the expiry toast, never stack with itself. */
const SESSION_WARNING_TOAST_ID = `${SESSION_EXPIRED_TOAST_ID}-warning`
/** The expiry toast stays 10 s: long enough to read after a redirect to the login page. */
const EXPIRY_TOAST_DURATION_MS = 10_000
const MINUTE_MS = 60_000

type ExpiryToastMessages = {
  /** The session ran out. */
  expired: string
  /** The cookie could not be trusted (tampered, old key). */
  invalid: string
  /** The app no longer knows the user (deleted or banned). */
  revoked: string
  /** The early warning, given the ms left. */
  warning: (msLeft: number) => string
  /** Label of the action that goes to the login page. */
  signIn: string
}

const DEFAULT_MESSAGES: ExpiryToastMessages = {
  expired: 'Your session has expired. Please sign in again.',
  invalid: 'Your session is no longer valid. Please sign in again.',
  revoked: 'Your access has been revoked. Please sign in again.',
  warning: (msLeft) => {
    const minutes = Math.max(1, Math.ceil(msLeft / MINUTE_MS))
    return `Your session expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  },
  signIn: 'Sign in',
}

type ExpiryToastProps = {
  /** Warn once this many ms before the session ends (e.g. 120_000); no warning when omitted. */
  warnBefore?: number
  /** Copy for each toast (i18n); keys left out keep the English defaults. */
  messages?: Partial<ExpiryToastMessages>
}

function ExpiryToastEffects({ warnBefore, messages: overrides }: ExpiryToastProps) {
  if (warnBefore !== undefined && (!Number.isFinite(warnBefore) || warnBefore <= 0)) {
    throw new RangeError(
      `ExpiryToast: warnBefore must be a positive number of ms, got ${warnBefore}`,
    )
  }
  const { loginPath } = useSessionContext('ExpiryToast')
  const session = useAtomValue(sessionAtom)
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const messages = { ...DEFAULT_MESSAGES, ...overrides }
  const lost = lostSessionReason(session)
  const expiresAt = session.status === 'authenticated' ? session.expiresAt : null
  const search = searchParams.toString()
  const reasonParam = searchParams.get('reason')

  // Refs, not state: they only remember what was already shown (nothing to render).
  const toastedLoss = useRef<LostSessionReason | null>(null)
  const handledReasonUrl = useRef<string | null>(null)
  const warnedFor = useRef<number | null>(null)

  const show = (reason: LostSessionReason) => {
    toast.dismiss(SESSION_WARNING_TOAST_ID)
    const next = search ? `${pathname}?${search}` : pathname
    toast(messages[reason], {
      id: SESSION_EXPIRED_TOAST_ID,
      duration: EXPIRY_TOAST_DURATION_MS,
      // On the login page itself the action would go nowhere.
      action:
        pathname === loginPath
          ? undefined
          : { label: messages.signIn, onClick: () => router.push(loginHref(loginPath, { next })) },
    })
  }
  const showRef = useRef(show)
  useEffect(() => {
    showRef.current = show
  })

  const status = session.status
  useEffect(() => {
    // A new session: its loss, whenever it comes, is a new one to tell.
    if (status === 'authenticated') toastedLoss.current = null
    // Nothing lost, or the same loss re-confirmed by a later check or announced by `?reason=`.
    if (lost === null || toastedLoss.current === lost) return
    toastedLoss.current = lost
    showRef.current(lost)
  }, [lost, status])

  // A `?reason=` is only a hint: anyone can send a link with one. A real server-side redirect
  // (proxy, verifySession) or SessionGate's client-side one always lands on the login path with
  // the session gone, so only there, and only once the session is known not to be signed in,
  // does it toast (unless this loss already did). Anywhere else it is stripped without a word,
  // so `/dashboard?reason=revoked` cannot tell a signed-in user their access was revoked.
  useEffect(() => {
    if (!isLostSessionReason(reasonParam)) return
    // The first check is still out: whether the user is signed in decides, so wait for it.
    if (status === 'loading') return
    const url = `${pathname}?${search}`
    if (handledReasonUrl.current === url) return
    handledReasonUrl.current = url
    const believable = pathname === loginPath && status !== 'authenticated'
    if (believable && toastedLoss.current !== reasonParam) {
      toastedLoss.current = reasonParam
      showRef.current(reasonParam)
    }
    const rest = new URLSearchParams(search)
    rest.delete('reason')
    const query = rest.toString()
    router.replace(query ? `${pathname}?${query}` : pathname) // a reload must not toast again
  }, [reasonParam, search, pathname, router, loginPath, status])

  const warning = messages.warning
  useEffect(() => {
    if (expiresAt === null || warnBefore === undefined || warnedFor.current === expiresAt) return
    // scheduleWarning re-arms a capped timer itself: a 30-day session still gets its warning.
    return scheduleWarning({
      expiresAt,
      warnBefore,
      onWarn: (msLeft) => {
        warnedFor.current = expiresAt
        toast.warning(warning(msLeft), { id: SESSION_WARNING_TOAST_ID })
      },
    })
  }, [expiresAt, warnBefore, warning])

  return null
}

/**
 * One sonner toast (id `session-expired`) when a session is lost, with a 'Sign in' action; also
 * for a `?reason=` on the login path while signed out (what a server-side redirect leaves). It
 * strips a `?reason=` from any URL, and toasts for none elsewhere (a crafted link is not a loss). Needs a sonner
 * `<Toaster/>` somewhere in the app. Renders nothing itself.
 */
function ExpiryToast(props: ExpiryToastProps) {
  // useSearchParams() on a statically rendered page needs a Suspense boundary (Next.js
  // refuses to build without one); this one shows nothing, as the toast itself does.
  return (
    <Suspense fallback={null}>
      <ExpiryToastEffects {...props} />
    </Suspense>
  )
}

export { DEFAULT_MESSAGES as DEFAULT_EXPIRY_MESSAGES, ExpiryToast, SESSION_WARNING_TOAST_ID }
export type { ExpiryToastMessages, ExpiryToastProps }
