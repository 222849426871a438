'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { Suspense, useEffect, type ReactNode } from 'react'
import { HOME_PATH } from '../shared/constants'
import { loginHref, safeNextPath } from '../shared/redirect'
import type { ClientSession, SessionRequestError, SessionUser } from '../shared/types'
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

type GateView = 'children' | 'fallback' | 'error' | 'unauthorized'
type GateDecision = { view: GateView; redirect: string | null }

type DecideInput = Required<Pick<SessionGateProps, 'require' | 'homePath'>> &
  Pick<SessionGateProps, 'allow' | 'redirectTo'> & {
    loginPath: string
    currentPath: string
    next: string | null
  }

function decide(session: ClientSession, input: DecideInput): GateDecision {
  const refuse = (target: string): GateDecision => ({
    view: 'unauthorized',
    redirect: input.redirectTo === false ? null : target,
  })
  const { status } = session
  switch (status) {
    case 'loading':
      return { view: 'fallback', redirect: null }
    case 'error':
      return { view: 'error', redirect: null }
    case 'authenticated':
      if (input.require === 'guest')
        return refuse(input.redirectTo || safeNextPath(input.next, input.homePath))
      if (input.allow && !input.allow(session.user)) return { view: 'unauthorized', redirect: null }
      return { view: 'children', redirect: null }
    case 'unauthenticated': {
      if (input.require === 'guest') return { view: 'children', redirect: null }
      const loginPath = input.redirectTo || input.loginPath
      // Signing out was deliberate: no `next`, so the next person at this screen starts fresh.
      if (session.reason === 'signed-out') return refuse(loginHref(loginPath))
      return refuse(loginHref(loginPath, { next: input.currentPath, reason: session.reason }))
    }
    default:
      throw new TypeError(`SessionGate: unknown status ${String(status satisfies never)}`)
  }
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
  const currentPath = search ? `${pathname}?${search}` : pathname
  const { view, redirect } = decide(session, {
    require,
    homePath,
    allow,
    redirectTo,
    loginPath,
    currentPath,
    next: searchParams.get('next'),
  })

  useEffect(() => {
    if (redirect !== null) router.replace(redirect)
  }, [redirect, router])

  switch (view) {
    case 'children':
      return <>{children}</>
    case 'fallback':
      return <div aria-busy="true">{fallback}</div>
    case 'error':
      return session.status === 'error'
        ? errorFallback({ error: session.error, retry: () => void controller.refresh() })
        : null
    case 'unauthorized':
      return <>{unauthorized}</>
    default:
      throw new TypeError(`SessionGate: unknown view ${String(view satisfies never)}`)
  }
}

/** Renders `children` only for the right audience; everyone else is redirected (replace, not push). */
function SessionGate(props: SessionGateProps) {
  // useSearchParams() on a statically rendered page needs a Suspense boundary; until the
  // search params are known the gate cannot decide, so it shows its fallback.
  return (
    <Suspense fallback={<div aria-busy="true">{props.fallback ?? null}</div>}>
      <SessionGateView {...props} />
    </Suspense>
  )
}

export { SessionGate }
export type { SessionGateErrorProps, SessionGateProps }
