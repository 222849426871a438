type Resolver = () => Response | Promise<Response> // an MSW resolver that ignores its request

/** What a counted resolver saw: how many requests, and when each arrived. */
type CallLog = {
  /** Requests answered so far. */
  count: () => number
  /** When each request arrived (epoch ms), e.g. to prove "no request before expiresAt". */
  times: () => ReadonlyArray<number>
}

/**
 * Wraps `resolver` so a test can ask how many requests reached it, and when. The log lives in
 * this call's closure, not in the module: two counted handlers (or two stories) never share one.
 */
function countCalls(resolver: Resolver): CallLog & { resolver: Resolver } {
  const arrivals: number[] = []
  return {
    resolver: () => {
      arrivals.push(Date.now())
      return resolver()
    },
    count: () => arrivals.length,
    times: () => [...arrivals],
  }
}

export { countCalls }
export type { CallLog, Resolver }
