import 'server-only'
import { describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { memoryRevocationStore } from './memory-revocation-store'
import { resolveSession, type LoadUser } from './resolve-session'
import { checkRevocationOptions, revokeSession, revokeUserSessions } from './revocation-check'
import { RevocationStoreError, type RevocationStore } from './revocation-store'
import { decryptSession, encryptSession, type SessionData } from './session'
import { TOKEN_SECONDS, tokenWithoutSessionId, validToken } from '@/test/support/tokens'

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'admin' }
const NOW = Date.UTC(2030, 0, 1) // epoch ms, the controlled clock
const HOUR_MS = 3_600_000
const DAY_SECONDS = 86_400

/** The session a token opens to at NOW. */
async function opened(token: string): Promise<SessionData> {
  const result = await decryptSession(token, { now: NOW })
  if (!result.ok) throw new Error(`test token did not open: ${result.reason}`)
  return result.session
}

/** A store whose every call fails as a down Redis would. */
const failingStore: RevocationStore = {
  isRevoked: async () => Promise.reject(new Error('ECONNREFUSED')),
  revokeSession: async () => Promise.reject(new Error('ECONNREFUSED')),
  revokeUser: async () => Promise.reject(new Error('ECONNREFUSED')),
}
/** A store that never answers (a hung connection). */
const silentStore: RevocationStore = {
  isRevoked: () => new Promise(() => {}),
  revokeSession: () => new Promise(() => {}),
  revokeUser: () => new Promise(() => {}),
}

describe('resolveSession with a revocation store', () => {
  it('a revoked session is revoked without asking loadUser; another session of the user is not', async () => {
    const revocation = { store: memoryRevocationStore(), maxLifetimeSeconds: DAY_SECONDS }
    const signedOut = await validToken(user.id, { now: NOW })
    const other = await validToken(user.id, { now: NOW })
    expect(await revokeSession(revocation, await opened(signedOut), NOW)).toBe(true)
    const loadUser = vi.fn<LoadUser>(async () => user)
    expect(await resolveSession(signedOut, loadUser, { now: NOW, revocation })).toMatchObject({
      status: 'unauthenticated',
      reason: 'revoked',
    })
    expect(loadUser).not.toHaveBeenCalled()
    expect(await resolveSession(other, loadUser, { now: NOW, revocation })).toMatchObject({
      status: 'authenticated',
    })
  })

  it('revoke, renew (same sid and sign-in), wait past the old exp: still revoked', async () => {
    const revocation = { store: memoryRevocationStore(), maxLifetimeSeconds: DAY_SECONDS }
    const first = await opened(await validToken(user.id, { now: NOW }))
    await revokeSession(revocation, first, NOW)
    const later = NOW + 2 * TOKEN_SECONDS * 1000 // past the first token's exp
    const renews = { sessionId: first.sessionId ?? '', issuedAt: first.issuedAt }
    const renewed = await encryptSession(
      { userId: user.id },
      { maxAgeSeconds: TOKEN_SECONDS, now: later, renews },
    )
    const payload = await resolveSession(renewed, async () => user, { now: later, revocation })
    expect(payload).toMatchObject({ status: 'unauthenticated', reason: 'revoked' })
  })

  it('a token made before session ids: not revocable alone, revoked by its user cut-off', async () => {
    const revocation = { store: memoryRevocationStore(), maxLifetimeSeconds: DAY_SECONDS }
    const legacy = await tokenWithoutSessionId(user.id, { now: NOW - HOUR_MS / 2 })
    expect(await revokeSession(revocation, await opened(legacy), NOW)).toBe(false)
    const check = () => resolveSession(legacy, async () => user, { now: NOW, revocation })
    expect(await check()).toMatchObject({ status: 'authenticated' })
    await revokeUserSessions(revocation, user.id, NOW)
    expect(await check()).toMatchObject({ status: 'unauthenticated', reason: 'revoked' })
  })

  it('a sign-in after "sign out everywhere" is not revoked', async () => {
    const revocation = { store: memoryRevocationStore(), maxLifetimeSeconds: DAY_SECONDS }
    await revokeUserSessions(revocation, user.id, NOW)
    const fresh = await validToken(user.id, { now: NOW + 1000 })
    const payload = await resolveSession(fresh, async () => user, { now: NOW + 1000, revocation })
    expect(payload).toMatchObject({ status: 'authenticated' })
  })

  it('a store that fails: RevocationStoreError (the cause kept), never unauthenticated', async () => {
    const token = await validToken(user.id, { now: NOW })
    const check = resolveSession(token, async () => user, {
      now: NOW,
      revocation: { store: failingStore },
    })
    await expect(check).rejects.toThrow(RevocationStoreError)
    await expect(check).rejects.toMatchObject({ cause: new Error('ECONNREFUSED') })
  })

  it('a store that never answers: RevocationStoreError after timeoutMs', async () => {
    const token = await validToken(user.id, { now: NOW })
    const revocation = { store: silentStore, timeoutMs: 20, maxLifetimeSeconds: DAY_SECONDS }
    const started = performance.now()
    await expect(resolveSession(token, async () => user, { now: NOW, revocation })).rejects.toThrow(
      /no answer within 20 ms/,
    )
    expect(performance.now() - started).toBeGreaterThanOrEqual(15)
    await expect(revokeUserSessions(revocation, user.id, NOW)).rejects.toThrow(RevocationStoreError)
  })
})

describe('checkRevocationOptions', () => {
  it.each([
    [{ maxLifetimeSeconds: DAY_SECONDS }, /revocation.maxLifetimeSeconds moved: pass maxLif/],
    [{ timeoutMs: 0 }, /timeoutMs must be a positive number of ms/],
    [{ timeoutMs: Number.NaN }, /timeoutMs must be a positive number of ms/],
  ])('refuses %o', (options, message) => {
    // Spread from a plain object, as a config written for the old shape would arrive.
    expect(() => checkRevocationOptions({ store: silentStore, ...options })).toThrow(message)
  })

  it('accepts no store, and a store with the defaults', () => {
    expect(() => checkRevocationOptions(undefined)).not.toThrow()
    expect(() => checkRevocationOptions({ store: silentStore })).not.toThrow()
  })
})
