'use client'
import { Provider } from 'jotai/react'
import { createStore, type Store } from 'jotai/vanilla'
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import { LOGIN_PATH, SESSION_CHANNEL_NAME, SESSION_ENDPOINT } from '../shared/constants'
import type { SessionPayload } from '../shared/types'
import { SessionContext } from './session-context'
import { createSessionController } from './session-controller'
import { documentReceivedAt } from './expiry-timing'
import {
  checkedTimings,
  positiveMs,
  REQUEST_TIMEOUT_MS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  type SessionControllerOptions,
  type SessionFetcher,
} from './session-options'
import { defaultFetcher } from './session-request'
import { useSessionRevalidation } from './use-session-revalidation'

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

const noSubscription = () => () => {} // nothing to watch: only hydration decides `hydrating`

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
  const timings = checkedTimings({ requestTimeoutMs, retryBaseMs, retryMaxMs })
  const options: SessionControllerOptions = { endpoint, fetcher, channelName, ...timings }
  if (refetchInterval !== 0) positiveMs('SessionProvider', 'refetchInterval', refetchInterval)
  const [store] = useState(() => storeProp ?? createStore())
  // True only while React hydrates the server's HTML, where the layout's answer came with the
  // page (Navigation Timing says when); a provider mounted later got its answer just now.
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  )
  // Created with the layout's answer, which it then takes from every render through `hydrate`.
  const [controller] = useState(() =>
    createSessionController(
      store,
      initialSession,
      options,
      hydrating ? documentReceivedAt() : Date.now(),
    ),
  )
  // Prop changes reach the controller's next request without a new controller (and lost state).
  useEffect(() => controller.configure(options))
  // Checks on connect when the layout's answer asks for it (none, or a stale cookie).
  useEffect(() => controller.connect(), [controller])
  // The layout re-renders after a Server Action or router.refresh(): its newer answer, if any.
  useEffect(() => controller.hydrate(initialSession), [controller, initialSession])

  useSessionRevalidation(controller, store, {
    revalidateOnFocus,
    revalidateOnNavigation,
    refetchInterval,
  })

  const context = useMemo(() => ({ controller, loginPath, store }), [controller, loginPath, store])
  return (
    <Provider store={store}>
      <SessionContext value={context}>{children}</SessionContext>
    </Provider>
  )
}

export { SessionProvider }
export type { SessionProviderProps }
