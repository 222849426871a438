'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { Suspense, useEffect, type ReactNode } from 'react'
import { HOME_PATH } from '../shared/constants'
import { loginHref, safeNextPath } from '../shared/redirect'
import type { SessionRequestError, SessionUser } from '../shared/types'
import { sessionAtom } from './atoms'
import { useSessionContext } from './session-context'
import { useStoreValue } from './use-store-value'

type SessionGateErrorProps = {
  /** Why the first check failed (network, http status, malformed body, timeout). */
  error: SessionRequestError
  /** Checks again now (joins a check already in flight). */
  retry: () => void
}

type SessionGateProps = {
  /** Who may see `children`: signed-in users (`'user'`, default) or only guests (`'guest'`, e.g. the sign-in page). */
  require?: 'user' | 'guest'
  /** Shown while the first check runs, inside an `aria-busy` region. */
  fallback?: ReactNode
  /** Where to send those turned away: default the login path (users) or the safe `next` / home (guests); `false` renders `unauthorized`. */
  redirectTo?: string | false
  /** Shown instead of `children` when access is refused without a redirect, and while a redirect happens. */
  unauthorized?: ReactNode
  /** Extra check on the signed-in user (role, flags): false renders `unauthorized`, never redirects. */
  allow?: (user: SessionUser) => boolean
  /** Shown when the first check failed and nothing is known; never redirects (default: a message and a retry button). */
  errorFallback?: (props: SessionGateErrorProps) => ReactNode
  /** Where a guest-only page sends a signed-in user when `next` is missing or unsafe. */
  homePath?: string
  /** What the gate protects. */
  children: ReactNode
}

/** What the gate renders, and where it sends the visitor meanwhile (null: nowhere). */
type GateDecision = [view: ReactNode, redirect: string | null]

/** The gate's placeholder while it cannot decide yet: an `aria-busy` region around `fallback`. */
function busy(fallback: ReactNode) {
  return <div aria-busy="true">{fallback}</div>
}

function DefaultErrorFallback({ error, retry }: SessionGateErrorProps) {
  return (
    <div role="alert">
      <p>We could not check your session ({error.kind}).</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  )
}

function SessionGateView({
  require = 'user',
  fallback = null,
  redirectTo,
  unauthorized = null,
  allow,
  errorFallback = DefaultErrorFallback,
  homePath = HOME_PATH,
  children,
}: SessionGateProps) {
  const { controller, loginPath, store } = useSessionContext('SessionGate')
  const session = useStoreValue(store, sessionAtom)
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const search = searchParams.toString()

  const decide = (): GateDecision => {
    // Turned away: `unauthorized`, and off to `target` unless redirects are off.
    const refuse = (target: string): GateDecision => [
      unauthorized,
      redirectTo === false ? null : target,
    ]
    const { status } = session
    switch (status) {
      case 'loading':
        return [busy(fallback), null]
      case 'error':
        return [
          errorFallback({ error: session.error, retry: () => void controller.refresh() }),
          null,
        ]
      case 'authenticated':
        if (require === 'guest')
          return refuse(redirectTo || safeNextPath(searchParams.get('next'), homePath))
        // A role or flag check failed: the user is signed in, so no login page would help.
        return [!allow || allow(session.user) ? children : unauthorized, null]
      case 'unauthenticated': {
        if (require === 'guest') return [children, null]
        const target = redirectTo || loginPath
        // Signing out was deliberate: no `next`, so the next person at this screen starts fresh.
        if (session.reason === 'signed-out') return refuse(loginHref(target))
        const next = search ? `${pathname}?${search}` : pathname
        return refuse(loginHref(target, { next, reason: session.reason }))
      }
      default:
        throw new TypeError(`SessionGate: unknown status ${String(status satisfies never)}`)
    }
  }
  const [view, redirect] = decide()

  useEffect(() => {
    if (redirect !== null) router.replace(redirect)
  }, [redirect, router])

  return view
}

/** Renders `children` only for the right audience; everyone else is redirected (replace, not push). */
function SessionGate(props: SessionGateProps) {
  // useSearchParams() on a statically rendered page needs a Suspense boundary; until the
  // search params are known the gate cannot decide, so it shows its fallback.
  return (
    <Suspense fallback={busy(props.fallback)}>
      <SessionGateView {...props} />
    </Suspense>
  )
}

export { SessionGate }
export type { SessionGateErrorProps, SessionGateProps }
