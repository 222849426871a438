import 'server-only'

// TODO(merge): this check belongs beside the interface in revocation-store.ts, shared by every store
// (memory, SQLite, Redis); it lives here only until the branch that owns that file lands.

/**
 * Throws a TypeError for input no store should accept, so a bug in the caller is loud instead of
 * silently revoking nothing: an empty id, a time that is not a finite epoch ms, or an entry that
 * is over before it starts (`until <= now`). A `null` id is accepted: a token from before session
 * ids has none, and only its user's cut-off applies.
 */
function checkRevocationInput(
  ids: Record<string, string | null>,
  times: Record<string, number>,
): void {
  for (const [name, id] of Object.entries(ids)) {
    if (id !== null && (typeof id !== 'string' || id === '')) {
      throw new TypeError(`${name} must be a non-empty string`)
    }
  }
  for (const [name, time] of Object.entries(times)) {
    if (!Number.isFinite(time)) throw new TypeError(`${name} must be a finite epoch ms`)
  }
  const { until, now } = times
  if (until !== undefined && now !== undefined && until <= now) {
    throw new TypeError('until must be later than now: the entry would be over before it starts')
  }
}

export { checkRevocationInput }
