type Resolver = () => Response | Promise<Response> // an MSW resolver that ignores its request

/**
 * Wraps `resolver` so a test can ask how many requests reached it. The counter lives in this
 * call's closure, not in the module: two counted handlers (or two stories) never share a count.
 */
function countCalls(resolver: Resolver): { resolver: Resolver; count: () => number } {
  let calls = 0
  return {
    resolver: () => {
      calls += 1
      return resolver()
    },
    count: () => calls,
  }
}

export { countCalls }
export type { Resolver }
