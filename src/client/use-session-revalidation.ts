'use client'
import type { Store } from 'jotai'
import { usePathname } from 'next/navigation'
import { useEffect, useRef } from 'react'
import { sessionAtom } from './atoms'
import type { SessionController } from './session-context'
import { FOCUS_THROTTLE_MS } from './session-options'

type RevalidationOptions = {
  /** Re-check on focus / becoming visible, at most once per FOCUS_THROTTLE_MS. */
  revalidateOnFocus: boolean
  /** Re-check when the App Router pathname changes. */
  revalidateOnNavigation: boolean
  /** Re-check every this many ms; 0 = off. */
  refetchInterval: number
}

/**
 * One check when the page comes back: online again, or restored from the back/forward cache
 * (`pageshow` with `persisted`), whose timers were frozen and whose session may be long gone.
 * Returns the cleanup.
 */
function checkOnReturn(controller: Pick<SessionController, 'refresh'>): () => void {
  const onOnline = () => void controller.refresh()
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) onOnline()
  }
  window.addEventListener('online', onOnline)
  window.addEventListener('pageshow', onPageShow)
  return () => {
    window.removeEventListener('online', onOnline)
    window.removeEventListener('pageshow', onPageShow)
  }
}

/**
 * When the provider asks the server again: focus, `online`, a page restored from the
 * back/forward cache, navigation, and an optional interval. (Expiry and retries are timers in
 * the controller.) Every trigger goes through `refresh`, which joins a check already in flight.
 */
function useSessionRevalidation(
  controller: SessionController,
  store: Store,
  { revalidateOnFocus, revalidateOnNavigation, refetchInterval }: RevalidationOptions,
): void {
  useEffect(() => {
    if (!revalidateOnFocus) return
    const onFocus = () => controller.refreshIfIdle(FOCUS_THROTTLE_MS)
    const onVisibility = () => {
      if (document.visibilityState === 'visible') onFocus()
    }
    window.addEventListener('focus', onFocus)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [controller, revalidateOnFocus])

  useEffect(() => checkOnReturn(controller), [controller])

  useEffect(() => {
    if (refetchInterval === 0) return
    const interval = setInterval(() => void controller.refresh(), refetchInterval)
    return () => clearInterval(interval)
  }, [controller, refetchInterval])

  // The App Router has no router.events: a pathname change is the navigation signal.
  const pathname = usePathname()
  const lastPathname = useRef(pathname)
  useEffect(() => {
    if (lastPathname.current === pathname) return
    lastPathname.current = pathname
    if (!revalidateOnNavigation) return
    // Signed out on purpose or lost (here or in another tab): the answer that said so cleared the
    // cookie moments ago and a navigation cannot change that, so the redirect to the login page
    // (signOut's, SessionGate's) costs no second request. A sign-in arrives as the layout's new
    // initialSession in this tab, and over the channel in the others.
    const session = store.get(sessionAtom)
    if (session.status === 'unauthenticated' && session.reason !== 'missing') return
    void controller.refresh()
  }, [controller, store, pathname, revalidateOnNavigation])
}

export { checkOnReturn, useSessionRevalidation }
