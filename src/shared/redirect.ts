import { isLostSessionReason } from './reasons'
import type { ClientUnauthenticatedReason } from './types'

/** Longer `next` values are refused: no legitimate in-app path is this long. */
const MAX_NEXT_LENGTH = 2048
/** Decode at most this many times to unwrap `%252F`-style layers; more layers are refused. */
const MAX_DECODE_ROUNDS = 3
// Any control character (C0, DEL, C1), or a backslash (browsers treat `\` like `/` in URLs).
const FORBIDDEN_CHARS = /[\p{Cc}\\]/u
const PROBE_ORIGIN = 'http://next-session-kit.invalid'

function looksSafe(path: string): boolean {
  if (FORBIDDEN_CHARS.test(path)) return false
  if (!path.startsWith('/')) return false // relative, scheme (`https:`, `javascript:`) or empty
  if (path.startsWith('//')) return false // protocol-relative: another host
  // Ask the URL parser too. It resolves dot segments, so `/.//evil.com` has the path `//evil.com`:
  // whatever later re-resolves that path on its own (a normalising proxy or router) leaves the host.
  const url = new URL(path, PROBE_ORIGIN)
  return url.origin === PROBE_ORIGIN && !url.pathname.startsWith('//')
}

/** Decodes each run of well-formed `%XX` escapes, leaving anything undecodable as it is. */
function decodeValidEscapes(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run // e.g. half a UTF-8 sequence: harmless text, no slash or backslash inside
    }
  })
}

/** The URL parser's form of a path already checked: percent-encoded, so ASCII only. */
function canonicalPath(path: string): string {
  const url = new URL(path, PROBE_ORIGIN)
  return `${url.pathname}${url.search}${url.hash}`
}

/** `input` in canonical form when it is a same-origin path, else null. */
function canonicalNextPath(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_NEXT_LENGTH) {
    return null
  }
  try {
    decodeURIComponent(input)
  } catch {
    return null // broken escapes: not a path we produced (URLSearchParams encodes `%`)
  }
  // Check every decoded layer: `/%2F%2Fevil.com` must not become `//evil.com` further down,
  // nor `/%252e//evil.com` become `/.//evil.com`. A decoded layer may hold a literal `%`
  // (`/search?q=100%25` -> `100%`), so each layer decodes its valid escapes only: a `%2F%2F`
  // hidden next to a lone `%` is still unwrapped and checked.
  let layer = input
  for (let round = 0; round <= MAX_DECODE_ROUNDS; round++) {
    if (!looksSafe(layer)) return null
    const decoded = decodeValidEscapes(layer)
    // Never the raw string: `/café` or `/\u2028` in a `Location` header is a 500 (Node refuses
    // non-ASCII header values) or arrives garbled (`/cafÃ©`); `/caf%C3%A9` is the same page.
    if (decoded === layer) return canonicalPath(input)
    layer = decoded
  }
  return null // more layers than MAX_DECODE_ROUNDS
}

/** Whether `input` is a same-origin path that `safeNextPath` would keep. */
function isSafeNextPath(input: unknown): input is string {
  return canonicalNextPath(input) !== null
}

/**
 * The one guard for every `next=` value: a same-origin path (`/dashboard?tab=1`) comes back in
 * the URL parser's canonical, percent-encoded form (`/caf%C3%A9`: ASCII, safe in a `Location`
 * header), anything else as `fallback`. `fallback` must itself be safe (it is code, not user
 * input), so an unsafe one throws instead of silently sending users somewhere odd.
 */
function safeNextPath(input: unknown, fallback: string): string {
  const safeFallback = canonicalNextPath(fallback)
  if (safeFallback === null) {
    throw new TypeError(
      `safeNextPath: fallback must be a same-origin path, got ${JSON.stringify(fallback)}`,
    )
  }
  return canonicalNextPath(input) ?? safeFallback
}

type LoginHrefOptions = {
  /** Where to return after sign-in; dropped unless it is a same-origin path. */
  next?: string | null
  /** Why the user is sent to log in; only lost-session reasons are kept (they toast). */
  reason?: ClientUnauthenticatedReason | null
}

/** `/auth?next=%2Fdashboard&reason=expired`: the login URL every redirect of the kit uses. */
function loginHref(loginPath: string, { next, reason }: LoginHrefOptions = {}): string {
  const canonicalLogin = canonicalNextPath(loginPath)
  if (canonicalLogin === null || /[?#]/.test(loginPath)) {
    throw new TypeError(
      `loginHref: loginPath must be a plain same-origin path, got ${JSON.stringify(loginPath)}`,
    )
  }
  const params = new URLSearchParams()
  const safeNext = canonicalNextPath(next)
  if (safeNext !== null && safeNext !== canonicalLogin) params.set('next', safeNext)
  if (isLostSessionReason(reason)) params.set('reason', reason)
  const query = params.toString()
  return query ? `${loginPath}?${query}` : loginPath
}

export { isSafeNextPath, loginHref, MAX_NEXT_LENGTH, safeNextPath }
export type { LoginHrefOptions }
