/** Headers the handlers read, as a server would receive them (`cookie`, `origin`, ...). */
type ServerHeaders = Record<string, string>

// Browsers drop "forbidden" request headers (Cookie, Origin, Sec-Fetch-*) from a Request built
// by page scripts: only the browser itself may put them on the wire. A server receives them, and
// the kit's handlers read them. So these requests answer `headers` with a plain `Headers` object
// (which has no such guard) holding exactly the headers given. Everything else is the real
// Request (or NextRequest), and the handler code runs unchanged.
//
// A getter on a subclass prototype, not an own property: NextRequest's constructor already reads
// `this.headers` to build `request.cookies`.
function withServerHeaders(prototype: object, headers: ServerHeaders): void {
  const serverHeaders = new Headers(headers)
  Object.defineProperty(prototype, 'headers', { get: () => serverHeaders, configurable: true })
}

/** A `Request` as a route handler receives it, forbidden headers included. */
function serverRequest(url: string, method: string, headers: ServerHeaders = {}): Request {
  class ServerRequest extends Request {}
  withServerHeaders(ServerRequest.prototype, headers)
  return new ServerRequest(url, { method })
}

export { serverRequest, withServerHeaders }
export type { ServerHeaders }
