'use client'

/** One pending run of an async task, shared by every caller while it lasts. */
type SingleFlight<T> = {
  /** The pending run, or a new one when none is pending. */
  run: () => Promise<T>
  /** Aborts the pending run's signal; the next `run` starts afresh instead of joining it. */
  drop: () => void
}

/**
 * `start` at most once at a time: a caller during a pending run joins it instead of starting a
 * second request (focus storms, a double click on "Sign out"). Each run gets its own signal.
 */
function singleFlight<T>(start: (signal: AbortSignal) => Promise<T>): SingleFlight<T> {
  let pending: { promise: Promise<T>; abort: AbortController } | null = null
  function run(): Promise<T> {
    if (pending) return pending.promise
    const abort = new AbortController()
    const current = { promise: start(abort.signal), abort }
    pending = current
    void current.promise.finally(() => {
      if (pending === current) pending = null
    })
    return current.promise
  }
  function drop() {
    pending?.abort.abort()
    pending = null
  }
  return { run, drop }
}

export { singleFlight }
