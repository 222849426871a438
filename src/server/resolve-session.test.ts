import 'server-only'
import { describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { resolveSession, type LoadUser } from './resolve-session'
import { encryptSession } from './session'

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'admin' }
const NOW = Date.UTC(2030, 0, 1) // epoch ms, the controlled clock
const HOUR = 3600 // seconds

const token = (now = NOW) => encryptSession({ userId: user.id }, { maxAgeSeconds: HOUR, now })

describe('resolveSession', () => {
  it('authenticated: the user loadUser returned and expiresAt as ISO 8601', async () => {
    const loadUser = vi.fn<LoadUser>(async () => user)
    expect(await resolveSession(await token(), loadUser, { now: NOW })).toEqual({
      status: 'authenticated',
      user,
      expiresAt: '2030-01-01T01:00:00.000Z',
    })
    expect(loadUser).toHaveBeenCalledWith('user-1')
  })

  it.each([
    ['missing', undefined],
    ['invalid', 'junk'],
  ] as const)('%s: unauthenticated without calling loadUser', async (reason, value) => {
    const loadUser = vi.fn<LoadUser>(async () => user)
    expect(await resolveSession(value, loadUser, { now: NOW })).toEqual({
      status: 'unauthenticated',
      reason,
    })
    expect(loadUser).not.toHaveBeenCalled()
  })

  it('expired: unauthenticated/expired without calling loadUser', async () => {
    const loadUser = vi.fn<LoadUser>(async () => user)
    const old = await token(NOW - 2 * HOUR * 1000)
    expect(await resolveSession(old, loadUser, { now: NOW })).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
    })
    expect(loadUser).not.toHaveBeenCalled()
  })

  it('revoked: loadUser returns null for a valid token', async () => {
    expect(await resolveSession(await token(), async () => null, { now: NOW })).toEqual({
      status: 'unauthenticated',
      reason: 'revoked',
    })
  })

  it('loadUser throws: the error propagates (a 5xx, never a sign-out)', async () => {
    const failing: LoadUser = async () => {
      throw new Error('database down')
    }
    await expect(resolveSession(await token(), failing, { now: NOW })).rejects.toThrow(
      'database down',
    )
  })

  it('loadUser returns extra fields (a database row): only SessionUser fields are kept', async () => {
    const row = { ...user, passwordHash: 'hash' }
    const payload = await resolveSession(await token(), async () => row, { now: NOW })
    expect(payload).toEqual({
      status: 'authenticated',
      user,
      expiresAt: '2030-01-01T01:00:00.000Z',
    })
  })

  it('loadUser returns something that is not a SessionUser: a TypeError, not a session', async () => {
    const broken = (async () => ({ id: 'user-1' })) as unknown as LoadUser
    await expect(resolveSession(await token(), broken, { now: NOW })).rejects.toThrow(TypeError)
  })
})
