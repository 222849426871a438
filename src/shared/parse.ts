const ISO_INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/ // see parseIsoInstant

/**
 * Days in `month` (1-12) of `year`: day 0 of the next month is the last day of this one.
 * setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999, and 1900 is no leap
 * year although year 0 is, so `0000-02-29` would be refused.
 */
function daysInMonth(year: number, month: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

/**
 * Epoch ms of an ISO 8601 instant, or null when `value` is not one. An instant is what
 * `toISOString()` writes, or the same with an explicit offset: `YYYY-MM-DDTHH:mm:ss(.sss)?(Z|±HH:mm)`.
 * Milliseconds have exactly three digits, the form ECMAScript's Date.parse must read in every
 * engine; anything else it reads is engine-specific. Stricter than Date.parse,
 * which reads "1" as the year 2001, "hello 5" as a date in May, a date without a time or zone
 * (local midnight or UTC, depending on the form) and rolls Feb 31 over into March.
 */
function parseIsoInstant(value: string): number | null {
  const match = ISO_INSTANT.exec(value)
  if (!match) return null
  const [, year, month, day] = match
  if (Number(day) > daysInMonth(Number(year), Number(month))) return null
  const epochMs = Date.parse(value)
  return Number.isNaN(epochMs) ? null : epochMs
}

/**
 * A plain object (not null, not an array), as `JSON.parse` gives for `{...}`: the first check on
 * anything from the network (the payload, its user, a message from another tab).
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export { isRecord, parseIsoInstant }
