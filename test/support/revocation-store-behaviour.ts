import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RevocationStore } from '@/lib/session/server/revocation-store'

// What every revocation store does, run against each real one (SQLite file, Redis server).
// TODO(merge): the branch that owns revocation-store.ts brings the shared contract
// (test/support/revocation-store-contract.ts); fold what this adds into it and keep one.

type ClosableStore = RevocationStore & { close(): Promise<void> }

const HOUR_MS = 3_600_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function describeStoreBehaviour(name: string, makeStore: () => Promise<ClosableStore>) {
  describe(`${name}: revocation behaviour`, () => {
    let store: ClosableStore
    beforeEach(async () => {
      store = await makeStore()
    })
    afterEach(async () => {
      await store.close()
    })

    it('revokes nothing until asked', async () => {
      const now = Date.now()
      expect(await store.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: now - 1 }, now)).toBe(
        false,
      )
      expect(await store.isRevoked({ userId: 'u1', sessionId: null, issuedAt: now - 1 }, now)).toBe(
        false,
      )
    })

    it('revokes one session, not the same user’s other sessions', async () => {
      const now = Date.now()
      await store.revokeSession('s1', now + HOUR_MS, now)
      expect(await store.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: now - 1 }, now)).toBe(
        true,
      )
      expect(await store.isRevoked({ userId: 'u1', sessionId: 's2', issuedAt: now - 1 }, now)).toBe(
        false,
      )
      expect(await store.isRevoked({ userId: 'u1', sessionId: null, issuedAt: now - 1 }, now)).toBe(
        false,
      )
    })

    it('revokes a user’s sign-ins before the cut-off, with or without a session id, and none after', async () => {
      const now = Date.now()
      await store.revokeUser('u1', now, now + HOUR_MS, now)
      const at = (issuedAt: number, sessionId: string | null = 's1') =>
        store.isRevoked({ userId: 'u1', sessionId, issuedAt }, now)
      expect(await at(now - 1)).toBe(true)
      expect(await at(now - 1, null)).toBe(true)
      expect(await at(now)).toBe(false)
      expect(await at(now + 1, null)).toBe(false)
      expect(await store.isRevoked({ userId: 'u2', sessionId: 's9', issuedAt: now - 1 }, now)).toBe(
        false,
      )
    })

    it('never lowers a cut-off: a later revocation with an earlier `before` keeps the later one', async () => {
      const now = Date.now()
      await store.revokeUser('u1', now, now + HOUR_MS, now)
      await store.revokeUser('u1', now - 60_000, now + HOUR_MS - 60_000, now)
      expect(
        await store.isRevoked({ userId: 'u1', sessionId: null, issuedAt: now - 30_000 }, now),
      ).toBe(true)
    })

    it('keeps the highest cut-off when revocations race', async () => {
      const now = Date.now()
      const befores = Array.from({ length: 20 }, (_, i) => now - i * 1_000)
      await Promise.all(
        befores.map((before) => store.revokeUser('u1', before, before + HOUR_MS, now)),
      )
      expect(await store.isRevoked({ userId: 'u1', sessionId: null, issuedAt: now - 1 }, now)).toBe(
        true,
      )
    })

    it('lets entries go after `until`: they stop revoking', async () => {
      const start = Date.now()
      await store.revokeSession('s1', start + 150, start)
      await store.revokeUser('u1', start, start + 150, start)
      await sleep(250)
      const now = Date.now()
      expect(
        await store.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: start - 1 }, now),
      ).toBe(false)
    })

    it('rejects input no store should accept with a TypeError', async () => {
      const now = Date.now()
      await expect(store.revokeSession('', now + 1, now)).rejects.toThrow(TypeError)
      await expect(store.revokeSession('s1', now, now)).rejects.toThrow(TypeError)
      await expect(store.revokeUser('u1', Number.NaN, now + 1, now)).rejects.toThrow(TypeError)
      await expect(store.revokeUser('', now, now + 1, now)).rejects.toThrow(TypeError)
      const query = { userId: 'u1', sessionId: '', issuedAt: now }
      await expect(store.isRevoked(query, now)).rejects.toThrow(TypeError)
      await expect(
        store.isRevoked({ ...query, sessionId: null }, Number.POSITIVE_INFINITY),
      ).rejects.toThrow(TypeError)
    })
  })
}

export { describeStoreBehaviour, HOUR_MS }
export type { ClosableStore }
