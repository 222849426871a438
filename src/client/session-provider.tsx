'use client'
import { createStore, Provider, type Store } from 'jotai'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { toClientSession } from '../shared/client-session'
import { isLostSessionReason } from '../shared/reasons'
import { LOGIN_PATH, SESSION_CHANNEL_NAME, SESSION_ENDPOINT } from '../shared/constants'
import type { SessionPayload } from '../shared/types'
import { sessionAtom } from './atoms'
import { SessionContext } from './session-context'
import { createSessionController, type SessionControllerOptions } from './session-controller'
import { defaultFetcher, type SessionFetcher } from './session-request'
import { FOCUS_THROTTLE_MS, useSessionRevalidation } from './use-session-revalidation'

/** A check that has not answered after 10 s is a `timeout` error (and is retried). */
const REQUEST_TIMEOUT_MS = 10_000
/** First retry 1 s after a failed check, doubling per failure ... */
const RETRY_BASE_MS = 1_000
/** ... up to one retry per minute. */
const RETRY_MAX_MS = 60_000

type SessionProviderProps = {
  /** The layout's `getSession()`: first paint without a loading state and no request on mount. */
  initialSession?: SessionPayload | null
  /** URL of the session route handler. */
  endpoint?: string
  /** Where unauthenticated users are sent (gates, toasts, sign-out). */
  loginPath?: string
  /** Re-check when the window regains focus or becomes visible, throttled to FOCUS_THROTTLE_MS. */
  revalidateOnFocus?: boolean
  /** Re-check on every App Router navigation (pathname change). */
  revalidateOnNavigation?: boolean
  /** Also re-check every this many ms; off when 0 or omitted (the expiry timer needs no polling). */
  refetchInterval?: number
  /** A jotai store to keep the session in; by default the provider makes its own. */
  store?: Store
  /** `fetch` replacement for tests or custom headers. */
  fetcher?: SessionFetcher
  /** Give up on a check after this many ms (error kind `timeout`). */
  requestTimeoutMs?: number
  /** First retry delay after a failed check, in ms; doubles per failure. */
  retryBaseMs?: number
  /** Longest retry delay, in ms (a 429's `Retry-After` still wins). */
  retryMaxMs?: number
  /** BroadcastChannel name shared by the app's tabs. */
  channelName?: string
  /** The app. */
  children: ReactNode
}

function positiveMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`SessionProvider: ${name} must be a positive number of ms, got ${value}`)
  }
  return value
}

function SessionProvider({
  initialSession = null,
  endpoint = SESSION_ENDPOINT,
  loginPath = LOGIN_PATH,
  revalidateOnFocus = true,
  revalidateOnNavigation = true,
  refetchInterval = 0,
  store: storeProp,
  fetcher = defaultFetcher,
  requestTimeoutMs = REQUEST_TIMEOUT_MS,
  retryBaseMs = RETRY_BASE_MS,
  retryMaxMs = RETRY_MAX_MS,
  channelName = SESSION_CHANNEL_NAME,
  children,
}: SessionProviderProps) {
  const options: SessionControllerOptions = {
    endpoint,
    fetcher,
    requestTimeoutMs: positiveMs('requestTimeoutMs', requestTimeoutMs),
    retryBaseMs: positiveMs('retryBaseMs', retryBaseMs),
    retryMaxMs: positiveMs('retryMaxMs', retryMaxMs),
    channelName,
  }
  if (refetchInterval !== 0) positiveMs('refetchInterval', refetchInterval)
  const [store] = useState(() => {
    const own = storeProp ?? createStore()
    own.set(sessionAtom, initialSession ? toClientSession(initialSession) : { status: 'loading' })
    return own
  })
  // No initial session: check now. A lost one (expired/invalid/revoked): the cookie is stale and
  // only the route handler can delete it, so check once. Otherwise the layout's answer stands.
  const [checkOnMount] = useState(
    () =>
      !initialSession ||
      (initialSession.status === 'unauthenticated' && isLostSessionReason(initialSession.reason)),
  )
  const [controller] = useState(() => createSessionController(store, options))
  // Prop changes reach the controller's next request without a new controller (and lost state).
  useEffect(() => controller.configure(options))

  useEffect(() => {
    const disconnect = controller.connect()
    if (checkOnMount) void controller.refresh()
    return disconnect
  }, [controller, checkOnMount])

  useSessionRevalidation(controller, store, {
    revalidateOnFocus,
    revalidateOnNavigation,
    refetchInterval,
  })

  // The layout re-renders after a Server Action or router.refresh(): adopt its newer answer.
  const initialKey = initialSession ? JSON.stringify(initialSession) : null
  const hydratedKey = useRef(initialKey)
  useEffect(() => {
    if (initialKey === hydratedKey.current) return
    hydratedKey.current = initialKey
    if (initialSession) controller.hydrate(initialSession)
  }, [controller, initialKey, initialSession])

  const context = useMemo(() => ({ controller, loginPath }), [controller, loginPath])
  return (
    <Provider store={store}>
      <SessionContext value={context}>{children}</SessionContext>
    </Provider>
  )
}

export { FOCUS_THROTTLE_MS, REQUEST_TIMEOUT_MS, RETRY_BASE_MS, RETRY_MAX_MS, SessionProvider }
export type { SessionProviderProps }
