import 'server-only'
import { checkRevocation, type RevocationStore } from './revocation-store'

/** A user's cut-off: sessions signed in before `before` are revoked, until `until` (epoch ms). */
type UserCutoff = { before: number; until: number }

/** Drops every entry whose `until` has come (`until <= now`): an entry lives until then, not after. */
function sweep<Entry>(entries: Map<string, Entry>, untilOf: (entry: Entry) => number, now: number) {
  for (const [key, entry] of entries) if (untilOf(entry) <= now) entries.delete(key)
}

/**
 * A revocation store in this process's memory, for tests and stories ONLY: a restart forgets
 * every revocation and a second instance never sees them, so a signed-out cookie would open
 * again. Apps use the SQLite store (one machine) or the Redis store (several). Entries expire at
 * their `until`; they are swept on writes, and an expired one is ignored when read.
 */
function memoryRevocationStore(): RevocationStore {
  // Per store, not per module: each test or story gets its own, and nothing leaks between them.
  const sessions = new Map<string, number>() // session id -> until, epoch ms
  const users = new Map<string, UserCutoff>()

  return {
    async isRevoked(query, now) {
      checkRevocation({ method: 'isRevoked', query, now })
      const { userId, sessionId, issuedAt } = query
      const sessionUntil = sessionId === null ? undefined : sessions.get(sessionId)
      if (sessionUntil !== undefined && sessionUntil > now) return true
      const cutoff = users.get(userId)
      return cutoff !== undefined && cutoff.until > now && issuedAt < cutoff.before
    },

    async revokeSession(sessionId, until, now) {
      checkRevocation({ method: 'revokeSession', sessionId, until, now })
      sweep(sessions, (entryUntil) => entryUntil, now)
      sessions.set(sessionId, Math.max(until, sessions.get(sessionId) ?? until))
    },

    async revokeUser(userId, before, until, now) {
      checkRevocation({ method: 'revokeUser', userId, before, until, now })
      sweep(users, (cutoff) => cutoff.until, now)
      const previous = users.get(userId)
      // The latest cut-off wins: an earlier `before` arriving late must not un-revoke anyone.
      users.set(userId, {
        before: Math.max(before, previous?.before ?? before),
        until: Math.max(until, previous?.until ?? until),
      })
    },
  }
}

export { memoryRevocationStore }
