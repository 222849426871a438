import 'server-only'
import fc from 'fast-check'
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cookieValueNextReads, sessionCookieCandidates } from './cookie-candidates'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('sessionCookieCandidates', () => {
  it.each<[string, string | null, string[]]>([
    ['no Cookie header', null, []],
    ['no session cookie', 'theme=dark; other=1', []],
    ['one, between others', 'theme=dark; session=a.b; other=1', ['a.b']],
    [
      'planted ones in header order',
      'session=planted; theme=dark; session=real',
      ['planted', 'real'],
    ],
    ['no space after ;', 'session=a;session=b', ['a', 'b']],
    ['URI-encoded value, decoded as Next does', 'session=a%20b', ['a b']],
    ['a broken %-escape kept raw (reads as invalid)', 'session=%E0%A4%A', ['%E0%A4%A']],
    ['a bare `session` reads as `true`, as in Next', 'session; session=x', ['true', 'x']],
    ['an empty value (a cleared cookie)', 'session=', ['']],
    ['a name that only starts with session', 'sessionx=1; xsession=2; session =3', []],
  ])('%s', (_name, header, expected) => {
    expect(sessionCookieCandidates(header)).toEqual(expected)
  })

  it('outside production: only the plain session name, a __Host-session value is not ours', () => {
    expect(sessionCookieCandidates('__Host-session=h; session=s')).toEqual(['s'])
  })

  it('in production: only __Host-session; a plain session value (plantable by a sibling subdomain) is ignored', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(sessionCookieCandidates('session=planted; __Host-session=real; session=x')).toEqual([
      'real',
    ])
  })

  it('an explicit name overrides the mode', () => {
    expect(sessionCookieCandidates('session=s; __Host-session=h', '__Host-session')).toEqual(['h'])
  })
})

describe("cookieValueNextReads: the value Next's cookies() takes", () => {
  it.each<[string, string | null, string | undefined]>([
    ['no header', null, undefined],
    ['the last of several', 'session=a; session=b', 'b'],
    ['a broken %-escape last: Next skips it, the one before counts', 'session=a; session=%ZZ', 'a'],
    ['a planted empty value last', 'session=a; session=', ''],
    ['a bare name', 'session', 'true'],
  ])('%s', (_name, header, expected) => {
    expect(cookieValueNextReads(header, 'session')).toBe(expected)
  })

  it("agrees with Next's own RequestCookies on any header built from tricky pieces", () => {
    const piece = fc.constantFrom(
      'session',
      '__Host-session',
      'theme',
      '=',
      '; ',
      ';',
      ' ',
      'a',
      '%20',
      '%ZZ',
      '%E0%A4%A',
      '',
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 24 }),
        fc.constantFrom('session', '__Host-session'),
        (pieces, name) => {
          // headers().get('cookie') hands the DAL a header already normalised by Headers.
          const headers = new Headers({ cookie: pieces.join('') })
          const header = headers.get('cookie')
          expect(cookieValueNextReads(header, name)).toBe(
            new RequestCookies(headers).get(name)?.value,
          )
        },
      ),
      { numRuns: 2000 },
    )
  })
})
