import 'server-only'
import { currentSessionCookieName } from './cookie'

// Reading the session cookie from a raw `Cookie` header. A browser sends one pair per cookie it
// holds under that name (one per path and domain), so the header can carry several: a sibling
// subdomain can plant extra `session` cookies (cookie tossing). Route, proxy and DAL all read the
// header here, so they see the same values.

/** One `name=value` pair of a `Cookie` header, as Next's parser sees it. */
type CookiePair = {
  /** URI-decoded, or raw when the %-escapes are broken; `true` for a bare name (as in Next). */
  value: string
  /** False for a broken %-escape: Next skips such a pair, we keep it (it reads as `invalid`). */
  decoded: boolean
}

/** Every `name` pair in a `Cookie` header, in header order, split as Next splits it (`; `). */
function cookiePairs(cookieHeader: string | null | undefined, name: string): CookiePair[] {
  const pairs: CookiePair[] = []
  for (const pair of (cookieHeader ?? '').split(/; */)) {
    const separator = pair.indexOf('=')
    const pairName = separator === -1 ? pair : pair.slice(0, separator)
    if (pairName !== name) continue
    if (separator === -1) {
      pairs.push({ value: 'true', decoded: true })
      continue
    }
    const raw = pair.slice(separator + 1)
    try {
      pairs.push({ value: decodeURIComponent(raw), decoded: true })
    } catch {
      pairs.push({ value: raw, decoded: false })
    }
  }
  return pairs
}

/**
 * Every value of the session cookie `name` in a `Cookie` header, in header order. `name` defaults
 * to the current mode's (`__Host-session` in production, `session` otherwise); the other name is
 * ignored. Parsed as Next's `cookies()` parses it, so the one value `cookies()` keeps is always
 * among these. A broken %-escape is kept raw, so it reads as `invalid`, not `missing`.
 */
function sessionCookieCandidates(
  cookieHeader: string | null | undefined,
  name: string = currentSessionCookieName(),
): string[] {
  return cookiePairs(cookieHeader, name).map((pair) => pair.value)
}

/**
 * The one value of `name` that Next's `cookies()` takes from this raw header: the last pair that
 * decodes (its parser skips broken %-escapes), or undefined. Mirrors Next's `RequestCookies`
 * (pinned by a test against it) because importing that class means a `next/dist` deep import, and
 * `next/server` pulls in Node-only code that breaks the DAL in the browser (Storybook).
 */
function cookieValueNextReads(
  cookieHeader: string | null | undefined,
  name: string,
): string | undefined {
  return cookiePairs(cookieHeader, name).findLast((pair) => pair.decoded)?.value
}

export { cookieValueNextReads, sessionCookieCandidates }
