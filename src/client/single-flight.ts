'use client'

/** One pending run of an async task, shared by every caller while it lasts. */
type SingleFlight<T> = {
  /** The pending run, or a new one when none is pending. */
  run: () => Promise<T>
  /**
   * A run that starts once the pending one (if any) has ended: it sees every change the task's
   * source made before this call, which the pending run, started earlier, may have missed.
   */
  after: () => Promise<T>
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
  function after(): Promise<T> {
    // The pending run's own `finally` (registered first) has cleared it by then: `run` starts anew,
    // or joins a run someone else started after this one ended (later still: just as fresh).
    return pending ? pending.promise.then(run, run) : run()
  }
  function drop() {
    pending?.abort.abort()
    pending = null
  }
  return { run, after, drop }
}

export { singleFlight }
