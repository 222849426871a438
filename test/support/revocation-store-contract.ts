// The behaviour every RevocationStore must have, as one suite: each store's test file calls
// `describeRevocationStore('memory', () => memoryRevocationStore())` (SQLite and Redis likewise).
// Times are passed explicitly, around the real clock: a store must compare `until` with the `now`
// it is given (a Redis store keeps `until` in the value as well as in the key's TTL), and a store
// whose TTLs run on the real clock still agrees, since NOW is the time the suite starts.
import { describe, expect, it } from 'vitest'
import type { RevocationStore } from '@/lib/session/server/revocation-store'

/** Makes a fresh, empty store for one test (async for stores that connect or open a file). */
type MakeStore = () => RevocationStore | Promise<RevocationStore>

const MINUTE = 60_000 // ms
const DAY = 24 * 60 * MINUTE // ms
// Two session ids as `newSessionId` makes them (22 base64url chars).
const SESSION_A = 'AAAAAAAAAAAAAAAAAAAAAQ'
const SESSION_B = 'BBBBBBBBBBBBBBBBBBBBBQ'

function describeRevocationStore(name: string, makeStore: MakeStore): void {
  describe(`${name} revocation store`, () => {
    const NOW = Math.floor(Date.now() / 1000) * 1000 // a whole second, as token times are
    const UNTIL = NOW + 7 * DAY // a session's sign-in + a 7-day absolute lifetime
    const query = (userId: string, sessionId: string | null, issuedAt = NOW - MINUTE) => ({
      userId,
      sessionId,
      issuedAt,
    })

    it('revoking one session revokes it and no other, of the same user or not', async () => {
      const store = await makeStore()
      await store.revokeSession(SESSION_A, UNTIL, NOW)
      expect(await store.isRevoked(query('user-1', SESSION_A), NOW)).toBe(true)
      expect(await store.isRevoked(query('user-1', SESSION_B), NOW)).toBe(false)
      expect(await store.isRevoked(query('user-2', SESSION_B), NOW)).toBe(false)
    })

    it('revoking a user revokes sessions signed in before the cut-off, not at or after it', async () => {
      const store = await makeStore()
      await store.revokeUser('user-1', NOW, UNTIL, NOW)
      expect(await store.isRevoked(query('user-1', SESSION_A, NOW - 1000), NOW)).toBe(true)
      expect(await store.isRevoked(query('user-1', SESSION_A, NOW), NOW + 1000)).toBe(false)
      expect(await store.isRevoked(query('user-1', SESSION_B, NOW + 1000), NOW + 1000)).toBe(false)
      expect(await store.isRevoked(query('user-2', SESSION_A, NOW - 1000), NOW)).toBe(false)
    })

    it('a token without a session id is covered only by the user cut-off', async () => {
      const store = await makeStore()
      await store.revokeSession(SESSION_A, UNTIL, NOW)
      expect(await store.isRevoked(query('user-1', null), NOW)).toBe(false)
      await store.revokeUser('user-1', NOW, UNTIL, NOW)
      expect(await store.isRevoked(query('user-1', null), NOW)).toBe(true)
    })

    it('entries live until `until` and not after: a session and a user cut-off', async () => {
      const store = await makeStore()
      await store.revokeSession(SESSION_A, UNTIL, NOW)
      await store.revokeUser('user-2', NOW, UNTIL, NOW)
      // Past the token's exp (an hour) and close to the end: still revoked.
      for (const at of [NOW + 2 * 3_600_000, UNTIL - 1]) {
        expect(await store.isRevoked(query('user-1', SESSION_A), at)).toBe(true)
        expect(await store.isRevoked(query('user-2', SESSION_B), at)).toBe(true)
      }
      expect(await store.isRevoked(query('user-1', SESSION_A), UNTIL)).toBe(false)
      expect(await store.isRevoked(query('user-2', SESSION_B), UNTIL)).toBe(false)
    })

    it('a write after an entry expired (when stores sweep) keeps it expired and the new one revoked', async () => {
      const store = await makeStore()
      await store.revokeSession(SESSION_A, NOW + MINUTE, NOW)
      await store.revokeSession(SESSION_B, UNTIL + DAY, UNTIL)
      expect(await store.isRevoked(query('user-1', SESSION_A), UNTIL)).toBe(false)
      expect(await store.isRevoked(query('user-1', SESSION_B), UNTIL)).toBe(true)
    })

    it('a second revokeUser with an earlier `before` does not shorten the cut-off', async () => {
      const store = await makeStore()
      await store.revokeUser('user-1', NOW, UNTIL, NOW)
      await store.revokeUser('user-1', NOW - DAY, UNTIL - DAY, NOW)
      expect(await store.isRevoked(query('user-1', SESSION_A, NOW - MINUTE), NOW)).toBe(true)
      expect(await store.isRevoked(query('user-1', SESSION_A, NOW - MINUTE), UNTIL - MINUTE)).toBe(
        true,
      )
    })

    it('keeps the highest cut-off when revocations race', async () => {
      const store = await makeStore()
      const befores = Array.from({ length: 20 }, (_, i) => NOW - i * 1_000)
      await Promise.all(befores.map((before) => store.revokeUser('user-1', before, UNTIL, NOW)))
      expect(await store.isRevoked(query('user-1', null, NOW - 1), NOW)).toBe(true)
    })

    it('a later revokeUser moves the cut-off forward', async () => {
      const store = await makeStore()
      await store.revokeUser('user-1', NOW - DAY, UNTIL - DAY, NOW)
      await store.revokeUser('user-1', NOW, UNTIL, NOW)
      expect(await store.isRevoked(query('user-1', SESSION_A, NOW - MINUTE), NOW)).toBe(true)
    })

    it.each([
      [
        'revokeSession: empty id',
        (s: RevocationStore) => s.revokeSession('', UNTIL, NOW),
        /sessionId must be a non-empty string/,
      ],
      [
        'revokeSession: NaN until',
        (s: RevocationStore) => s.revokeSession(SESSION_A, Number.NaN, NOW),
        /until must be a finite epoch ms/,
      ],
      [
        'revokeSession: until = now',
        (s: RevocationStore) => s.revokeSession(SESSION_A, NOW, NOW),
        /until \(\d+\) must be after now/,
      ],
      [
        'revokeUser: empty id',
        (s: RevocationStore) => s.revokeUser('', NOW, UNTIL, NOW),
        /userId must be a non-empty string/,
      ],
      [
        'revokeUser: infinite before',
        (s: RevocationStore) => s.revokeUser('user-1', Infinity, UNTIL, NOW),
        /before must be a finite epoch ms/,
      ],
      [
        'revokeUser: until before now',
        (s: RevocationStore) => s.revokeUser('user-1', NOW, NOW - 1, NOW),
        /until \(\d+\) must be after now/,
      ],
      [
        'isRevoked: empty user id',
        (s: RevocationStore) => s.isRevoked(query('', SESSION_A), NOW),
        /query\.userId must be a non-empty string/,
      ],
      [
        'isRevoked: empty session id',
        (s: RevocationStore) => s.isRevoked(query('user-1', ''), NOW),
        /query\.sessionId must be a non-empty string/,
      ],
      [
        'isRevoked: NaN issuedAt',
        (s: RevocationStore) => s.isRevoked(query('user-1', null, Number.NaN), NOW),
        /query\.issuedAt must be a finite epoch ms/,
      ],
      [
        'isRevoked: NaN now',
        (s: RevocationStore) => s.isRevoked(query('user-1', null), Number.NaN),
        /now must be a finite epoch ms/,
      ],
    ] as const)('bad input, %s: a TypeError that says which', async (_case, call, message) => {
      const store = await makeStore()
      await expect(call(store)).rejects.toThrow(TypeError)
      await expect(call(store)).rejects.toThrow(message)
    })
  })
}

export { describeRevocationStore }
export type { MakeStore }
