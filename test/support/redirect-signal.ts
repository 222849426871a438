// A stand-in for next/navigation in unit tests: `redirect()` throws to stop rendering, as Next's
// does, with the target as the message. Use it as `vi.mock('next/navigation', () =>
// import('@/test/support/redirect-signal'))` and catch `RedirectSignal` to read where it went.

/** What the stand-in `redirect()` throws: the target URL is the message. */
class RedirectSignal extends Error {}

function redirect(url: string): never {
  throw new RedirectSignal(url)
}

export { redirect, RedirectSignal }
