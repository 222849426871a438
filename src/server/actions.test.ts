import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { signOut } from './actions'

const mocks = vi.hoisted(() => ({ set: vi.fn(), redirect: vi.fn() }))
vi.mock('next/headers', () => ({ cookies: async () => ({ set: mocks.set }) }))
vi.mock('next/navigation', () => ({ redirect: mocks.redirect }))

afterEach(() => {
  mocks.set.mockReset()
  mocks.redirect.mockReset()
})

describe('signOut', () => {
  it('clears the cookie, then redirects to the login path without a reason (no toast)', async () => {
    await signOut()
    expect(mocks.set).toHaveBeenCalledWith(
      'session',
      '',
      expect.objectContaining({ maxAge: 0, path: '/' }),
    )
    expect(mocks.redirect).toHaveBeenCalledWith('/auth')
    expect(mocks.set.mock.invocationCallOrder[0]).toBeLessThan(
      mocks.redirect.mock.invocationCallOrder[0] ?? 0,
    )
  })
})
