import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSafeNextPath, loginHref, MAX_NEXT_LENGTH, safeNextPath } from './redirect'
import type { ClientUnauthenticatedReason } from './types'

const FALLBACK = '/dashboard'

// Same-origin paths that come back as they are: already canonical.
const SAFE_PATHS: ReadonlyArray<string> = [
  '/',
  '/dashboard',
  '/dashboard?tab=1',
  '/dashboard?tab=1&sort=name#top',
  '/settings/profile',
  '/a//b', // an inner double slash stays on this host
  '/search?q=%E2%9C%93', // encoded UTF-8 decodes to a harmless character
  '/files/a%2Fb', // an encoded slash inside a segment
  '/?next=//evil.com', // `//` in the query string is data, not a host
  '/dashboard#//evil.com', // ... and so is `//` in the fragment
  '/search?q=100%25', // a literal percent sign: decodes to `100%`, which is text, not an escape
  '/search?q=100%25&r=%2Fx', // ... next to other escapes
  `/${'a'.repeat(MAX_NEXT_LENGTH - 1)}`, // exactly the maximum length
]

// [input, its canonical form]: same-origin paths the URL parser writes differently. Regression:
// these were returned raw, and `redirect()` with one answered 500 ("Invalid character in header
// content") after the sign-in cookie was set, or delivered `/café` as `/cafÃ©`.
const CANONICALISED: ReadonlyArray<[string, string]> = [
  ['/\u2713', '/%E2%9C%93'],
  ['/caf\u00e9', '/caf%C3%A9'],
  ['/\u2028/evil.com', '/%E2%80%A8/evil.com'], // a line separator: not a control character
  ['/\uff0f/evil.com', '/%EF%BC%8F/evil.com'], // a fullwidth solidus is a letter in a path
  ['/search?q=caf\u00e9#r\u00e9sum\u00e9', '/search?q=caf%C3%A9#r%C3%A9sum%C3%A9'],
  ['/a b?c d#e f', '/a%20b?c%20d#e%20f'],
  ['/a/../b', '/b'], // dot segments resolved, as the browser would
  ['/\u{1F600}', '/%F0%9F%98%80'], // outside the BMP
]

const UNSAFE_VALUES: ReadonlyArray<[string, unknown]> = [
  ['protocol-relative //evil.com', '//evil.com'],
  ['triple slash ///evil.com', '///evil.com'],
  ['slash-backslash /\\evil.com', '/\\evil.com'],
  ['double backslash \\\\evil.com', '\\\\evil.com'],
  ['backslash-slash \\/evil.com', '\\/evil.com'],
  ['absolute https://evil.com', 'https://evil.com'],
  ['absolute http://evil.com/dashboard', 'http://evil.com/dashboard'],
  ['scheme without slashes http:evil.com', 'http:evil.com'],
  ['javascript:alert(1)', 'javascript:alert(1)'],
  ['upper-case JAVASCRIPT:alert(1)', 'JAVASCRIPT:alert(1)'],
  ['data:text/html,<script>', 'data:text/html,<script>alert(1)</script>'],
  ['relative path dashboard', 'dashboard'],
  ['dot-relative ./dashboard', './dashboard'],
  ['leading space " //evil.com"', ' //evil.com'],
  ['leading space " /dashboard"', ' /dashboard'],
  ['encoded slashes /%2F%2Fevil.com', '/%2F%2Fevil.com'],
  ['lower-case encoded slashes /%2f%2fevil.com', '/%2f%2fevil.com'],
  ['double-encoded slashes /%252F%252Fevil.com', '/%252F%252Fevil.com'],
  ['triple-encoded slashes /%25252F%25252Fevil.com', '/%25252F%25252Fevil.com'],
  ['too many encoding layers /%2525252Fdashboard', '/%2525252Fdashboard'],
  ['encoded leading slashes %2F%2Fevil.com', '%2F%2Fevil.com'],
  ['encoded backslash /%5Cevil.com', '/%5Cevil.com'],
  ['double-encoded backslash /%255Cevil.com', '/%255Cevil.com'],
  // Regression: these passed before the URL parser's normalised path was checked on every layer.
  ['dot segment /.//evil.com', '/.//evil.com'],
  ['dot-dot segment /..//evil.com', '/..//evil.com'],
  ['dot-dot segment /a/..//evil.com', '/a/..//evil.com'],
  ['encoded dot segment /%2e//evil.com', '/%2e//evil.com'],
  ['double-encoded dot segment /%252e//evil.com', '/%252e//evil.com'],
  ['tab between slashes /\\t/evil.com', '/\t/evil.com'],
  ['encoded tab /%09/evil.com', '/%09/evil.com'],
  ['newline /\\n/evil.com', '/\n/evil.com'],
  ['carriage return /\\r/evil.com', '/\r/evil.com'],
  ['encoded newline (header injection) /%0d%0aSet-Cookie:x', '/%0d%0aSet-Cookie:x'],
  ['NUL /dash\\u0000board', '/dash\u0000board'],
  ['encoded NUL /%00', '/%00'],
  ['escape character /\\u001b[31m', '/\u001b[31m'],
  ['DEL /dash\\u007fboard', '/dash\u007fboard'],
  ['encoded DEL /%7F', '/%7F'],
  ['C1 next-line /\\u0085evil', '/\u0085evil'],
  ['C1 CSI /\\u009b', '/\u009b'],
  ['broken percent-encoding /%E0%A4%A', '/%E0%A4%A'],
  ['lone percent /100%', '/100%'],
  ['slashes hidden beside a literal percent /%252F%252Fevil.com%25', '/%252F%252Fevil.com%25'],
  ['backslash hidden beside a literal percent /%255Cevil.com%25', '/%255Cevil.com%25'],
  ['empty string', ''],
  [`${MAX_NEXT_LENGTH + 1} characters`, `/${'a'.repeat(MAX_NEXT_LENGTH)}`],
  ['5000 characters', `/${'a'.repeat(4999)}`],
  ['null', null],
  ['undefined', undefined],
  ['number 42', 42],
  ['NaN', Number.NaN],
  ['boolean true', true],
  ['object { path: "/dashboard" }', { path: '/dashboard' }],
  ['array ["/dashboard"]', ['/dashboard']],
  ['String object new String("/dashboard")', new String('/dashboard')],
  ['URL object', new URL('http://localhost/dashboard')],
  ['symbol', Symbol('/dashboard')],
  ['function', () => '/dashboard'],
]

describe('safeNextPath', () => {
  it.each(SAFE_PATHS.map((path) => [JSON.stringify(path).slice(0, 60), path]))(
    'keeps the same-origin path %s',
    (_label, path) => {
      expect(safeNextPath(path, FALLBACK)).toBe(path)
      expect(isSafeNextPath(path)).toBe(true)
    },
  )

  it.each(CANONICALISED.map(([input, canonical]) => [JSON.stringify(input), input, canonical]))(
    'returns %s percent-encoded, ASCII only',
    (_label, input, canonical) => {
      expect(safeNextPath(input, FALLBACK)).toBe(canonical)
      expect(isSafeNextPath(input)).toBe(true)
      // Still the same page: the browser resolves both to one URL.
      expect(new URL(canonical, 'https://app.example').href).toBe(
        new URL(input, 'https://app.example').href,
      )
    },
  )

  it('canonicalises the fallback too: every result is header-safe', () => {
    expect(safeNextPath('//evil.com', '/caf\u00e9')).toBe('/caf%C3%A9')
  })

  it('any string: the result is printable ASCII (header-safe), itself safe, and stable', () => {
    // Paths built from every kind of character, including slashes, escapes and dot segments.
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('/', '//', '\\', '%', '%2F', '%25', '.', '..', '?', '#', ' ', '\u00e9'),
    )
    const input = fc.array(piece, { maxLength: 8 }).map((pieces) => `/${pieces.join('')}`)
    fc.assert(
      fc.property(input, (path) => {
        const result = safeNextPath(path, FALLBACK)
        expect(result).toMatch(/^[\x21-\x7e]+$/)
        expect(isSafeNextPath(result)).toBe(true)
        expect(safeNextPath(result, FALLBACK)).toBe(result)
      }),
      { numRuns: 2000 },
    )
  })

  it.each(UNSAFE_VALUES)('falls back on %s', (_label, value) => {
    expect(safeNextPath(value, FALLBACK)).toBe(FALLBACK)
    expect(isSafeNextPath(value)).toBe(false)
  })

  it.each([
    ['protocol-relative //evil.com', '//evil.com'],
    ['absolute https://evil.com', 'https://evil.com'],
    ['empty string', ''],
    ['relative dashboard', 'dashboard'],
    ['tab /\\t/evil.com', '/\t/evil.com'],
  ])('throws on an unsafe fallback: %s', (_label, fallback) => {
    expect(() => safeNextPath('/dashboard', fallback)).toThrow(TypeError)
    expect(() => safeNextPath('/dashboard', fallback)).toThrow(
      /fallback must be a same-origin path/,
    )
  })
})

describe('loginHref', () => {
  it.each<[string, Parameters<typeof loginHref>[1], string]>([
    [
      'next and reason',
      { next: '/dashboard', reason: 'expired' },
      '/auth?next=%2Fdashboard&reason=expired',
    ],
    [
      'next with a query',
      { next: '/dashboard?tab=1&x=2' },
      '/auth?next=%2Fdashboard%3Ftab%3D1%26x%3D2',
    ],
    ['next with a fragment', { next: '/docs#intro' }, '/auth?next=%2Fdocs%23intro'],
    ['reason invalid', { reason: 'invalid' }, '/auth?reason=invalid'],
    [
      'reason revoked',
      { next: '/settings', reason: 'revoked' },
      '/auth?next=%2Fsettings&reason=revoked',
    ],
    ['no options', undefined, '/auth'],
    ['empty options', {}, '/auth'],
    ['null next and null reason', { next: null, reason: null }, '/auth'],
    [
      'reason missing (never had a session)',
      { next: '/dashboard', reason: 'missing' },
      '/auth?next=%2Fdashboard',
    ],
    ['reason signed-out (the user asked)', { reason: 'signed-out' }, '/auth'],
    ['unsafe next //evil.com', { next: '//evil.com', reason: 'expired' }, '/auth?reason=expired'],
    ['unsafe next https://evil.com', { next: 'https://evil.com' }, '/auth'],
    ['unsafe next /%2F%2Fevil.com', { next: '/%2F%2Fevil.com' }, '/auth'],
    ['unsafe next with a newline', { next: '/\nevil' }, '/auth'],
    ['next equal to the login path', { next: '/auth', reason: 'expired' }, '/auth?reason=expired'],
    ['non-ASCII next, canonical first', { next: '/caf\u00e9' }, '/auth?next=%2Fcaf%25C3%25A9'],
  ])('builds the login URL from %s', (_label, options, expected) => {
    expect(loginHref('/auth', options)).toBe(expected)
  })

  it('keeps a nested login path: /account/login', () => {
    expect(loginHref('/account/login', { next: '/x' })).toBe('/account/login?next=%2Fx')
  })

  it('drops a reason that is not a lost-session reason at runtime: bogus from a URL', () => {
    // Values read from a URL are unchecked strings whatever their static type says.
    const reason = new URLSearchParams('reason=bogus').get('reason') as ClientUnauthenticatedReason
    expect(loginHref('/auth', { reason })).toBe('/auth')
  })

  it.each([
    ['protocol-relative //evil.com', '//evil.com'],
    ['absolute https://evil.com/auth', 'https://evil.com/auth'],
    ['empty string', ''],
    ['relative auth', 'auth'],
    ['with a query /auth?x=1', '/auth?x=1'],
    ['with a fragment /auth#x', '/auth#x'],
    ['backslash /\\auth', '/\\auth'],
  ])('throws on a bad loginPath: %s', (_label, loginPath) => {
    expect(() => loginHref(loginPath, { next: '/dashboard' })).toThrow(TypeError)
    expect(() => loginHref(loginPath)).toThrow(/loginPath must be a plain same-origin path/)
  })

  it('round-trips: the next read back from the login URL is the canonical one passed in', () => {
    const next = '/dashboard?tab=1&q=a b#top'
    const canonical = '/dashboard?tab=1&q=a%20b#top'
    const href = loginHref('/auth', { next, reason: 'expired' })
    const params = new URL(href, 'http://localhost').searchParams
    expect(params.get('next')).toBe(canonical)
    expect(safeNextPath(params.get('next'), FALLBACK)).toBe(canonical)
    expect(params.get('reason')).toBe('expired')
  })
})
