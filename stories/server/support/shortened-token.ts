/**
 * A long token as `eyJhbGciOi…`, for tables: its full value changes on every run (a fresh IV),
 * and a docs block must show what its story view shows. Play functions read full values from the
 * cookie jar or the response.
 */
function shortenedToken(value: string): string {
  return value.length > 16 ? `${value.slice(0, 10)}…` : value
}

/**
 * A response's `Set-Cookie` headers (joined by `, ` as `Headers.get` joins them), each cookie's
 * value shortened. The split is before each `name=` that follows `, `; an `Expires` date's comma
 * is followed by a day number and a space, never by `name=`.
 */
function shownSetCookies(joined: string | null): string | null {
  if (joined === null) return null
  return joined
    .split(/, (?=[^;=\s]+=)/)
    .map((header) =>
      header.replace(
        /^([^=]+)=([^;]*)/,
        (_, name: string, value: string) => `${name}=${shortenedToken(value)}`,
      ),
    )
    .join(', ')
}

export { shortenedToken, shownSetCookies }
