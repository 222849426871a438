const MINUTE_MS = 60_000

/**
 * When `at` (epoch ms) comes, as a reader says it: `in 60 minutes`. Rounded to whole minutes, so
 * the same story rendered a few seconds later (its docs block, a reload) reads the same; a date
 * would differ on every run.
 */
function minutesFromNow(at: number, now: number = Date.now()): string {
  const minutes = Math.round((at - now) / MINUTE_MS)
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`
}

export { minutesFromNow }
