import { describe, expect, it } from 'vitest'
import { UNAUTHENTICATED_REASONS } from './reasons'
import { checkedInitialSession, parseSessionPayload } from './schema'
import type { SessionPayload } from './types'
import type { SessionUser } from './user'

const MEMBER: SessionUser = {
  id: 'u_1',
  name: 'Alice Member',
  email: 'alice@example.com',
  role: 'member',
}
const ADMIN: SessionUser = {
  id: 'u_2',
  name: 'Grace Admin',
  email: 'grace@example.com',
  role: 'admin',
}
const EXPIRES_AT = '2030-01-01T00:00:00.000Z'
/** The server's clock when it answered: an hour before EXPIRES_AT. */
const SERVER_TIME = '2029-12-31T23:00:00.000Z'

function expectMalformed(body: unknown, message: RegExp): void {
  const result = parseSessionPayload(body)
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error.kind).toBe('malformed')
  expect(result.error.message).toMatch(message)
}

describe('parseSessionPayload: valid bodies', () => {
  it.each([
    ['a member', MEMBER],
    ['an admin', ADMIN],
    ['a user with an empty name and email', { ...MEMBER, name: '', email: '' }],
  ])('accepts an authenticated payload for %s', (_label, user) => {
    const body: SessionPayload = {
      status: 'authenticated',
      user,
      expiresAt: EXPIRES_AT,
      serverTime: SERVER_TIME,
    }
    expect(parseSessionPayload(body)).toEqual({ ok: true, payload: body })
  })

  it.each(['2030-01-01T00:00:00Z', '2030-01-01T01:00:00+01:00', '2029-12-31T19:00:00.000-05:00'])(
    'accepts the ISO 8601 expiresAt %s',
    (expiresAt) => {
      const result = parseSessionPayload({
        status: 'authenticated',
        user: MEMBER,
        expiresAt,
        serverTime: SERVER_TIME,
      })
      expect(result).toEqual({
        ok: true,
        payload: { status: 'authenticated', user: MEMBER, expiresAt, serverTime: SERVER_TIME },
      })
    },
  )

  it.each(UNAUTHENTICATED_REASONS)(
    'accepts an unauthenticated payload with reason %s',
    (reason) => {
      const body: SessionPayload = { status: 'unauthenticated', reason, serverTime: SERVER_TIME }
      expect(parseSessionPayload(body)).toEqual({ ok: true, payload: body })
    },
  )

  it('accepts a body that went through JSON (what fetch returns)', () => {
    const body = JSON.parse(
      JSON.stringify({
        status: 'authenticated',
        user: ADMIN,
        expiresAt: EXPIRES_AT,
        serverTime: SERVER_TIME,
      }),
    )
    expect(parseSessionPayload(body)).toEqual({
      ok: true,
      payload: {
        status: 'authenticated',
        user: ADMIN,
        expiresAt: EXPIRES_AT,
        serverTime: SERVER_TIME,
      },
    })
  })

  it('drops unknown fields on the payload and the user: extra keys from a newer server', () => {
    const result = parseSessionPayload({
      status: 'authenticated',
      user: { ...MEMBER, passwordHash: 'x' },
      expiresAt: EXPIRES_AT,
      serverTime: SERVER_TIME,
      debug: true,
    })
    expect(result).toEqual({
      ok: true,
      payload: {
        status: 'authenticated',
        user: MEMBER,
        expiresAt: EXPIRES_AT,
        serverTime: SERVER_TIME,
      },
    })
  })
})

describe('parseSessionPayload: malformed bodies', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string (an HTML page)', '<!doctype html><html></html>'],
    ['a number', 200],
    ['a boolean', true],
    ['an array', [{ status: 'unauthenticated', reason: 'missing', serverTime: SERVER_TIME }]],
    ['an empty array', []],
  ])('refuses a body that is not an object: %s', (_label, body) => {
    expectMalformed(body, /not a JSON object/)
  })

  it.each<[string, unknown]>([
    ['no status', { reason: 'missing' }],
    ['status ok', { status: 'ok', user: MEMBER, expiresAt: EXPIRES_AT, serverTime: SERVER_TIME }],
    [
      'status AUTHENTICATED (wrong case)',
      { status: 'AUTHENTICATED', user: MEMBER, expiresAt: EXPIRES_AT, serverTime: SERVER_TIME },
    ],
    ['status loading (client-only)', { status: 'loading' }],
    ['status error (client-only)', { status: 'error' }],
    ['status null', { status: null }],
    ['an empty object', {}],
  ])('refuses an unknown status: %s', (_label, body) => {
    expectMalformed(body, /unknown status/)
  })

  it.each<[string, unknown]>([
    ['no reason', { status: 'unauthenticated', serverTime: SERVER_TIME }],
    [
      'reason signed-out (client-only)',
      { status: 'unauthenticated', reason: 'signed-out', serverTime: SERVER_TIME },
    ],
    ['reason bogus', { status: 'unauthenticated', reason: 'bogus', serverTime: SERVER_TIME }],
    [
      'reason EXPIRED (wrong case)',
      { status: 'unauthenticated', reason: 'EXPIRED', serverTime: SERVER_TIME },
    ],
    ['reason null', { status: 'unauthenticated', reason: null, serverTime: SERVER_TIME }],
    [
      'reason as an array',
      { status: 'unauthenticated', reason: ['expired'], serverTime: SERVER_TIME },
    ],
  ])('refuses a bad reason: %s', (_label, body) => {
    expectMalformed(body, /unknown reason/)
  })

  it.each<[string, unknown]>([
    ['missing user', undefined],
    ['user null', null],
    ['user a string', 'u_1'],
    ['user an array', [MEMBER]],
    ['user without id', { name: MEMBER.name, email: MEMBER.email, role: MEMBER.role }],
    ['user with an empty id', { ...MEMBER, id: '' }],
    ['user with a numeric id', { ...MEMBER, id: 1 }],
    ['user without name', { id: MEMBER.id, email: MEMBER.email, role: MEMBER.role }],
    ['user with a numeric email', { ...MEMBER, email: 42 }],
    ['user without role', { id: MEMBER.id, name: MEMBER.name, email: MEMBER.email }],
    ['user with role owner', { ...MEMBER, role: 'owner' }],
    ['user with role Admin (wrong case)', { ...MEMBER, role: 'Admin' }],
    ['user with a numeric role', { ...MEMBER, role: 1 }],
  ])('refuses an authenticated payload with a bad user: %s', (_label, user) => {
    expectMalformed(
      { status: 'authenticated', user, expiresAt: EXPIRES_AT, serverTime: SERVER_TIME },
      /no valid user/,
    )
  })

  it.each<[string, unknown]>([
    ['missing expiresAt', undefined],
    ['expiresAt null', null],
    ['expiresAt as epoch ms (number)', Date.parse(EXPIRES_AT)],
    ['expiresAt an empty string', ''],
    ['expiresAt not a date', 'tomorrow-ish'],
    ['expiresAt an invalid calendar date', '2030-13-45T00:00:00Z'],
    ['expiresAt "1" (Date.parse reads the year 2001)', '1'],
    ['expiresAt "hello 5" (Date.parse reads a day in May)', 'hello 5'],
    ['expiresAt "2030-01-01" (a date, not an instant)', '2030-01-01'],
    ['expiresAt without a zone (local or UTC depends on the reader)', '2030-01-01T00:00:00'],
    ['expiresAt "2030-02-31T00:00:00Z" (Date.parse rolls it into March)', '2030-02-31T00:00:00Z'],
    ['expiresAt an HTTP date', 'Tue, 01 Jan 2030 00:00:00 GMT'],
    ['expiresAt a Date object', new Date(EXPIRES_AT)],
  ])('refuses an authenticated payload with a bad expiresAt: %s', (_label, expiresAt) => {
    expectMalformed(
      { status: 'authenticated', user: MEMBER, expiresAt, serverTime: SERVER_TIME },
      /no valid expiresAt/,
    )
  })

  it.each<[string, unknown]>([
    ['missing serverTime', undefined],
    ['serverTime null', null],
    ['serverTime as epoch ms (number)', Date.parse(SERVER_TIME)],
    ['serverTime not a date', 'now'],
    ['serverTime without a zone', '2029-12-31T23:00:00'],
    ['serverTime an HTTP date (the Date header)', 'Mon, 31 Dec 2029 23:00:00 GMT'],
  ])('refuses a payload of either status with a bad serverTime: %s', (_label, serverTime) => {
    const authenticated = { status: 'authenticated', user: MEMBER, expiresAt: EXPIRES_AT }
    expectMalformed({ ...authenticated, serverTime }, /no valid serverTime/)
    expectMalformed(
      { status: 'unauthenticated', reason: 'expired', serverTime },
      /no valid serverTime/,
    )
  })
})

describe("checkedInitialSession: the layout's answer gets the same checks", () => {
  const valid: SessionPayload = {
    status: 'authenticated',
    user: MEMBER,
    expiresAt: EXPIRES_AT,
    serverTime: SERVER_TIME,
  }

  it('returns a valid payload, with only the SessionUser fields', () => {
    const row = { ...valid, user: { ...MEMBER, passwordHash: 'x' } }
    expect(checkedInitialSession(row)).toEqual(valid)
  })

  it.each<[string, unknown, RegExp]>([
    ['"tomorrow" as expiresAt', { ...valid, expiresAt: 'tomorrow' }, /no valid expiresAt/],
    ['"1" as expiresAt (Date.parse reads the year 2001)', { ...valid, expiresAt: '1' }, /ISO 8601/],
    ['no serverTime (a server from before it)', { ...valid, serverTime: undefined }, /serverTime/],
  ])('throws a TypeError naming the prop for %s', (_label, payload, message) => {
    // Typed as a payload: what a JavaScript caller or a stale server can still pass.
    expect(() => checkedInitialSession(payload as SessionPayload)).toThrow(TypeError)
    expect(() => checkedInitialSession(payload as SessionPayload)).toThrow(
      /^SessionProvider initialSession: /,
    )
    expect(() => checkedInitialSession(payload as SessionPayload)).toThrow(message)
  })
})
