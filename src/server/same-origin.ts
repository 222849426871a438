import 'server-only'

// Whether a state-changing request (DELETE /api/session) comes from the app's own pages. Apart
// from route.ts so the handlers stay readable; nothing here reads the session.

/** Each entry must be an exact origin: a typo would silently refuse (or allow) the wrong site. */
function parseAllowedOrigins(origins: readonly string[]): ReadonlySet<string> {
  for (const entry of origins) {
    // `*` parses as a host character: `https://*.example` would be accepted and match nothing.
    if (entry.includes('*')) {
      throw new TypeError(
        `createSessionRoute: allowedOrigins takes exact origins, not patterns; list each one instead of ${JSON.stringify(entry)}`,
      )
    }
    const origin = URL.canParse(entry) ? new URL(entry).origin : 'null'
    if (origin !== entry) {
      const hint = origin === 'null' ? '' : ` (did you mean ${JSON.stringify(origin)}?)`
      throw new TypeError(
        `createSessionRoute: allowedOrigins entries must be origins like "https://admin.example.com" (scheme and host, no path), got ${JSON.stringify(entry)}${hint}`,
      )
    }
  }
  return new Set(origins)
}

/**
 * The host the browser addressed: the first `X-Forwarded-Host` (a reverse proxy's; it must drop
 * any client-sent one), else `Host`. Never `request.url` alone: `next start` builds it from its
 * own hostname (`localhost`), whatever the browser used. The URL is the fallback only for a
 * Request without a Host header (tests, other runtimes).
 */
function addressedHost(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return forwarded || request.headers.get('host') || new URL(request.url).host
}

/** `Origin`'s host against the addressed one, both through the URL parser (case, default port). */
function isSameHost(origin: URL, request: Request): boolean {
  const addressed = addressedHost(request)
  const host = URL.canParse(`${origin.protocol}//${addressed}`)
    ? new URL(`${origin.protocol}//${addressed}`).host
    : null
  return host === origin.host
}

/**
 * Whether a state-changing request comes from the app's own pages (what Next's Server Action
 * check does): a form or fetch from another site must not sign anyone out.
 */
function isSameOrigin(request: Request, allowedOrigins: ReadonlySet<string>): boolean {
  const fetchSite = request.headers.get('sec-fetch-site')
  // Set by the browser itself, never by page scripts: the strongest signal when present.
  if (fetchSite === 'same-origin') return true
  if (fetchSite === 'cross-site') return false
  const origin = request.headers.get('origin')
  // Browsers send Origin on every DELETE: without it and without Sec-Fetch-Site, this is not a
  // browser's cross-site request (curl, a server-side call), which CSRF cannot forge.
  if (origin === null) return fetchSite === null
  if (allowedOrigins.has(origin)) return true
  // `null` (sandboxed frames, some redirects) and anything unparsable name no site we know.
  if (!URL.canParse(origin) || new URL(origin).origin === 'null') return false
  // Left: `same-site` (a sibling host must match too), `none`, or a browser without the header.
  return isSameHost(new URL(origin), request)
}

export { isSameOrigin, parseAllowedOrigins }
