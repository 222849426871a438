const ISO_INSTANT = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{3})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/ // shape only: see parseIsoInstant

/**
 * Epoch ms of an ISO 8601 instant, or null when `value` is not one. An instant is what
 * `toISOString()` writes, or the same with an explicit offset: `YYYY-MM-DDTHH:mm:ss(.sss)?(Z|±HH:mm)`.
 * Milliseconds have exactly three digits, the form ECMAScript's Date.parse must read in every
 * engine; anything else it reads is engine-specific. Stricter than Date.parse, which reads "1" as
 * the year 2001, "hello 5" as a date in May, a date without a time or zone (local midnight or UTC,
 * depending on the form), and rolls Feb 31 over into March and 24:00 into the next day.
 */
function parseIsoInstant(value: string): number | null {
  const fields = ISO_INSTANT.exec(value)?.[1]
  if (fields === undefined) return null
  // The date and time read as UTC and written back: a field out of range (month 13, Feb 30,
  // hour 24) is refused by Date.parse or comes back changed. Year 0 is a leap year here too.
  const asUtc = Date.parse(`${fields}Z`)
  if (Number.isNaN(asUtc) || !new Date(asUtc).toISOString().startsWith(fields)) return null
  return Date.parse(value) // in range: the same fields with a valid offset
}

/**
 * A plain object (not null, not an array), as `JSON.parse` gives for `{...}`: the first check on
 * anything from the network (the payload, its user, a message from another tab).
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export { isRecord, parseIsoInstant }
