// next/navigation for a page outside Next: just enough App Router for the providers under test.
// The pathname lives in a tiny store so `navigate()` re-renders every usePathname() caller, the
// way a client-side App Router navigation does (the root layout's provider stays mounted).
import { useSyncExternalStore } from 'react'

const listeners = new Set()
// bench-only shim: one page, one router. On the server (the expiry page's render) no URL.
let pathname = typeof window === 'undefined' ? '/' : window.location.pathname

function subscribe(listener) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A client-side navigation: new URL, same React tree. */
function navigate(path) {
  window.history.pushState(null, '', path)
  pathname = path
  for (const listener of listeners) listener()
}

function usePathname() {
  return useSyncExternalStore(
    subscribe,
    () => pathname,
    () => pathname,
  )
}

const searchParams = new URLSearchParams()
function useSearchParams() {
  return searchParams
}

const router = {
  push: navigate,
  replace: (path) => {
    window.history.replaceState(null, '', path)
    pathname = new URL(path, window.location.origin).pathname
    for (const listener of listeners) listener()
  },
  refresh: () => {},
  back: () => window.history.back(),
  forward: () => window.history.forward(),
  prefetch: () => {},
}
function useRouter() {
  return router
}

function redirect(path) {
  router.replace(path)
}

export { navigate, redirect, usePathname, useRouter, useSearchParams }
