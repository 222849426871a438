// The browser's own Response, captured before any story swaps it (see withServerResponses).
const BrowserResponse = globalThis.Response

function jsonHeaders(init: HeadersInit | undefined): Headers {
  const headers = new Headers(init)
  if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  return headers
}

/**
 * A Response that keeps every header it is given. A browser's Response silently drops
 * `Set-Cookie` (a forbidden response header for page scripts), but that header is the whole
 * point of a sign-out or a stale-cookie answer, so the stories need to see it. The body, status
 * and every other header are the browser's own.
 */
class ServerResponse extends BrowserResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    super(body, init)
    const kept = new Headers(init?.headers)
    // Headers the Response added itself (a string body's content-type).
    super.headers.forEach((value, name) => {
      if (!kept.has(name)) kept.set(name, value)
    })
    Object.defineProperty(this, 'headers', { value: kept })
  }

  static override json(data: unknown, init: ResponseInit = {}): Response {
    return new ServerResponse(JSON.stringify(data), { ...init, headers: jsonHeaders(init.headers) })
  }
}

// How many `withServerResponses` calls are running: in the docs view several stories run at
// once, and only the last one to finish may put the browser's Response back.
const active = { count: 0 }

/**
 * Runs `call` (a route handler call) with `globalThis.Response` swapped for `ServerResponse`,
 * so `new Response(...)` and `Response.json(...)` inside the handler keep `Set-Cookie`.
 */
async function withServerResponses<T>(call: () => Promise<T>): Promise<T> {
  active.count += 1
  globalThis.Response = ServerResponse
  try {
    return await call()
  } finally {
    active.count -= 1
    if (active.count === 0) globalThis.Response = BrowserResponse
  }
}

export { withServerResponses }
