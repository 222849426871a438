import 'server-only'
import { base64url, EncryptJWT, SignJWT, UnsecuredJWT } from 'jose'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as jose from 'jose'
import type { SessionJwe } from './compact-jwe'
import {
  MAX_AGE_LIMIT_SECONDS,
  openSession,
  sealSession,
  type DecryptOptions,
  type EncryptOptions,
} from './session'
import { foreignKeyToken, sessionKeyBytes, tamper } from '@/test/support/tokens'
import { SessionConfigError } from './keys'
import { MAX_DATE_MS, MAX_ISSUED_AHEAD_SECONDS, sessionClaims } from './session-claims'
import { builtinNodeCrypto, chooseSessionJwe } from './session-jwe'
import { openedSession } from '@/test/support/opened-session'

// A pass-through spy: jose works unchanged, the test can read the options the WebCrypto path passes.
vi.mock('jose', async (importOriginal) => {
  const actual = await importOriginal<typeof jose>()
  return { ...actual, compactDecrypt: vi.fn(actual.compactDecrypt) }
})

/** Both JWE paths: every test below runs on each. */
const PATHS = [chooseSessionJwe(builtinNodeCrypto()), chooseSessionJwe(undefined)]

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // a controlled clock, epoch ms
const HOUR = 3600 // seconds
const SECRET_A = 'secret-a-0123456789abcdefghijklmnopqrstuvwxyz'
const SECRET_B = 'secret-b-0123456789abcdefghijklmnopqrstuvwxyz'

afterEach(() => {
  vi.unstubAllEnvs()
})

function header(object: Record<string, unknown>): string {
  return base64url.encode(JSON.stringify(object))
}

/** A token encrypted with the real key but claims chosen by the test. */
async function craft(claims: Record<string, unknown>): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .encrypt(await sessionKeyBytes())
}

/** A well-formed session for NOW, encrypted with the given algorithms and key. */
function jweWith(alg: string, enc: string, key: Uint8Array): Promise<string> {
  return new EncryptJWT({ sub: 'user-1' })
    .setProtectedHeader({ alg, enc })
    .setIssuedAt(seconds(NOW))
    .setExpirationTime(seconds(NOW) + HOUR)
    .encrypt(key)
}

const invalid = { ok: false, reason: 'invalid' }
const seconds = (ms: number) => Math.floor(ms / 1000)

describe.each(PATHS)('$runtime path', (jwe) => {
  // encryptSession and decryptSession as they would run on this path.
  const encryptSession = (data: { userId: string }, options: EncryptOptions) =>
    sealSession(jwe, data, options)
  const decryptSession = (token: unknown, options?: DecryptOptions) =>
    openSession(jwe, token, options)
  /** A valid token for `userId` from this path, issued at `now`. */
  const validToken = (userId: string, { now }: { now: number }) =>
    encryptSession({ userId }, { maxAgeSeconds: HOUR, now })
  /** A valid token for `user-1`, issued at the controlled clock. */
  const token = () => validToken('user-1', { now: NOW })

  describe('encryptSession + decryptSession', () => {
    it('round-trips userId, a new session id, issuedAt and expiresAt (epoch ms)', async () => {
      const result = await decryptSession(await token(), { now: NOW })
      expect(result).toEqual(openedSession('user-1', NOW, NOW + HOUR * 1000))
    })

    it('hides the payload from whoever holds the cookie (JWE, not JWS)', async () => {
      const jwe = await validToken('visible-user-id', { now: NOW })
      expect(jwe.split('.')).toHaveLength(5)
      const decoded = jwe
        .split('.')
        .map((part) => new TextDecoder().decode(base64url.decode(part)))
        .join('')
      expect(decoded).not.toContain('visible-user-id')
      expect(
        JSON.parse(new TextDecoder().decode(base64url.decode(jwe.split('.')[0] ?? ''))),
      ).toEqual({
        alg: 'dir',
        enc: 'A256GCM',
      })
    })

    it('no clock tolerance: 1 ms before exp is ok', async () => {
      const now = NOW + HOUR * 1000 - 1
      expect(await decryptSession(await token(), { now })).toMatchObject({ ok: true })
    })

    it('no clock tolerance: at exp (not 5 s later) is expired', async () => {
      const now = NOW + HOUR * 1000
      expect(await decryptSession(await token(), { now })).toEqual({ ok: false, reason: 'expired' })
    })

    it('expired AND wrong key is invalid: expiry is only known once the token authenticates', async () => {
      const foreign = await foreignKeyToken('user-1', { now: NOW - 2 * HOUR * 1000 })
      expect(await decryptSession(foreign, { now: NOW })).toEqual(invalid)
    })
  })

  describe('decryptSession: missing', () => {
    it.each([
      ['undefined', undefined],
      ['null', null],
      ['empty string (a cleared cookie)', ''],
    ])('%s is missing', async (_name, value) => {
      expect(await decryptSession(value)).toEqual({ ok: false, reason: 'missing' })
    })
  })

  describe('decryptSession: every bad token is invalid, never a throw', () => {
    it('tampered ciphertext', async () => {
      expect(await decryptSession(tamper(await token(), 'ciphertext'), { now: NOW })).toEqual(
        invalid,
      )
    })

    it('tampered tag', async () => {
      expect(await decryptSession(tamper(await token(), 'tag'), { now: NOW })).toEqual(invalid)
    })

    it('tampered iv', async () => {
      expect(await decryptSession(tamper(await token(), 'iv'), { now: NOW })).toEqual(invalid)
    })

    it('tampered header (an extra field: the header is authenticated data)', async () => {
      const parts = (await token()).split('.')
      parts[0] = header({ alg: 'dir', enc: 'A256GCM', kid: 'x' })
      expect(await decryptSession(parts.join('.'), { now: NOW })).toEqual(invalid)
    })

    it('wrong key (another SESSION_SECRET)', async () => {
      vi.stubEnv('SESSION_SECRET', SECRET_B)
      const foreign = await token()
      vi.stubEnv('SESSION_SECRET', SECRET_A)
      expect(await decryptSession(foreign, { now: NOW })).toEqual(invalid)
    })

    it('alg: none (an unsecured JWT)', async () => {
      const unsecured = new UnsecuredJWT({ sub: 'user-1' })
        .setIssuedAt(seconds(NOW))
        .setExpirationTime(seconds(NOW) + HOUR)
        .encode()
      expect(await decryptSession(unsecured, { now: NOW })).toEqual(invalid)
    })

    it('alg: none in a JWE header', async () => {
      const parts = (await token()).split('.')
      parts[0] = header({ alg: 'none', enc: 'A256GCM' })
      expect(await decryptSession(parts.join('.'), { now: NOW })).toEqual(invalid)
    })

    it('a signed (JWS) token instead of an encrypted one, even signed with the secret', async () => {
      const jws = await new SignJWT({ sub: 'user-1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt(seconds(NOW))
        .setExpirationTime(seconds(NOW) + HOUR)
        .sign(new TextEncoder().encode(process.env.SESSION_SECRET))
      expect(await decryptSession(jws, { now: NOW })).toEqual(invalid)
    })

    it.each([
      ['A128GCM', 16],
      ['A256CBC-HS512', 64],
    ])('wrong enc (%s)', async (enc, keyBytes) => {
      const jwe = await new EncryptJWT({ sub: 'user-1' })
        .setProtectedHeader({ alg: 'dir', enc })
        .setIssuedAt(seconds(NOW))
        .setExpirationTime(seconds(NOW) + HOUR)
        .encrypt(new Uint8Array(keyBytes).fill(7))
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it('the re-derived bytes are the real key: dir + A256GCM with them opens (control)', async () => {
      const jwe = await jweWith('dir', 'A256GCM', await sessionKeyBytes())
      expect(await decryptSession(jwe, { now: NOW })).toMatchObject({ ok: true })
    })

    // The real key wrapping a content key, or the same 32 bytes in other algorithms: each token
    // authenticates under our key material, so only the exact-header check refuses it.
    it.each([
      ['A256GCMKW', 'A256GCM'],
      ['A256GCMKW', 'A128CBC-HS256'],
      ['dir', 'A128CBC-HS256'],
      ['A256KW', 'A256GCM'],
    ])('alg %s + enc %s with the same 32 derived bytes', async (alg, enc) => {
      const jwe = await jweWith(alg, enc, await sessionKeyBytes())
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    /** A session for NOW under the real key, with `extra` added to the protected header. */
    async function withHeader(extra: Record<string, unknown>, crit?: Record<string, boolean>) {
      return new EncryptJWT({ sub: 'user-1' })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', ...extra })
        .setIssuedAt(seconds(NOW))
        .setExpirationTime(seconds(NOW) + HOUR)
        .encrypt(await sessionKeyBytes(), crit ? { crit } : undefined)
    }

    it('zip: DEF under the real key (would inflate before its claims are read)', async () => {
      expect(await decryptSession(await withHeader({ zip: 'DEF' }), { now: NOW })).toEqual(invalid)
    })

    it('zip: DEF is refused before decrypting: no AES-GCM work, no inflating', async () => {
      const open = vi.fn(await jwe.opener())
      const spied: SessionJwe = { ...jwe, opener: () => Promise.resolve(open) }
      const zipped = await withHeader({ zip: 'DEF' })
      expect(await openSession(spied, zipped, { now: NOW })).toEqual(invalid)
      expect(open).not.toHaveBeenCalled()
      expect(await openSession(spied, await token(), { now: NOW })).toMatchObject({ ok: true })
      expect(open).toHaveBeenCalledOnce() // control: the spy does see a token that gets that far
    })

    it('crit under the real key (an extension the kit would have to understand)', async () => {
      const jwe = await withHeader({ crit: ['ext'], ext: true }, { ext: true })
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it('an extra header parameter under the real key (typ)', async () => {
      expect(await decryptSession(await withHeader({ typ: 'JWT' }), { now: NOW })).toEqual(invalid)
    })

    it('missing exp', async () => {
      const jwe = await craft({ sub: 'user-1', iat: seconds(NOW) })
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it('missing iat', async () => {
      const jwe = await craft({ sub: 'user-1', exp: seconds(NOW) + HOUR })
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it.each([
      ['missing sub', {}],
      ['empty sub', { sub: '' }],
      ['non-string sub', { sub: 42 }],
    ])('%s', async (_name, claims) => {
      const jwe = await craft({ ...claims, iat: seconds(NOW), exp: seconds(NOW) + HOUR })
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it('nbf in the future (1 s: there is no clock tolerance)', async () => {
      const jwe = await craft({
        sub: 'user-1',
        iat: seconds(NOW),
        exp: seconds(NOW) + HOUR,
        nbf: seconds(NOW) + 1,
      })
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it.each([
      ['whitespace', '   \t\n'],
      ['10 KB of junk', 'x'.repeat(10 * 1024)],
      ['valid base64 of junk', Buffer.from('not a token at all, just bytes').toString('base64')],
      [
        'five dot-separated parts of base64url junk',
        ['a', 'b', 'c', 'd', 'e'].map((s) => base64url.encode(s)).join('.'),
      ],
      ['a token with a space around it', ' x.y.z.w.v '],
    ])('%s', async (_name, value) => {
      expect(await decryptSession(value, { now: NOW })).toEqual(invalid)
    })

    it('a valid token padded past 4096 characters', async () => {
      expect(await decryptSession((await token()) + 'A'.repeat(4096), { now: NOW })).toEqual(
        invalid,
      )
    })

    it.each([
      ['a number', 42],
      ['an object (a cookie record instead of its value)', { name: 'session', value: 'x' }],
      ['an array', ['x']],
      ['bytes (jose would accept them; a cookie value is a string)', new Uint8Array([1, 2, 3])],
      ['a boolean', true],
    ])('a cookie value that is not a string: %s', async (_name, value) => {
      expect(await decryptSession(value, { now: NOW })).toEqual(invalid)
    })

    it('any value at all resolves to a result instead of throwing (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), async (value) => {
          const result = await decryptSession(value, { now: NOW })
          expect(result.ok).toBe(false)
        }),
        { numRuns: 200 },
      )
    })
  })

  describe('decryptSession: exp and iat outside what a Date holds are invalid, never a 500', () => {
    const LAST_DATE_SECONDS = MAX_DATE_MS / 1000 // the last whole second a Date holds

    it.each([
      [
        'exp past the Date range (maxAgeSeconds: 1e13 before the cap)',
        { exp: seconds(NOW) + 1e13 },
      ],
      ['exp of 1e300 s', { exp: 1e300 }],
      ['exp before the Date range (would read as expired)', { exp: -LAST_DATE_SECONDS - 1 }],
      ['iat past the Date range', { iat: LAST_DATE_SECONDS + 1 }],
      ['iat before the Date range', { iat: -LAST_DATE_SECONDS - 1 }],
      ['iat of -1e300 s', { iat: -1e300 }],
    ])('%s', async (_name, claims) => {
      const jwe = await craft({
        sub: 'user-1',
        iat: seconds(NOW),
        exp: seconds(NOW) + HOUR,
        ...claims,
      })
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it('exp at the last second a Date holds opens, and its expiresAt has an ISO string', async () => {
      const jwe = await craft({ sub: 'user-1', iat: seconds(NOW), exp: LAST_DATE_SECONDS })
      const result = await decryptSession(jwe, { now: NOW })
      expect(result).toMatchObject({ ok: true, session: { expiresAt: MAX_DATE_MS } })
      expect(new Date(MAX_DATE_MS).toISOString()).toBe('+275760-09-13T00:00:00.000Z')
    })

    it.each([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])(
      'a non-finite exp or iat (%s; JSON cannot carry it, the check does not rely on that)',
      (value) => {
        const claims = { sub: 'user-1', iat: seconds(NOW), exp: seconds(NOW) + HOUR }
        expect(sessionClaims({ ...claims, exp: value }, NOW)).toBeNull()
        expect(sessionClaims({ ...claims, iat: value }, NOW)).toBeNull()
      },
    )
  })

  describe('decryptSession: iat in the future', () => {
    const issuedAhead = (aheadSeconds: number) =>
      craft({
        sub: 'user-1',
        iat: seconds(NOW) + aheadSeconds,
        exp: seconds(NOW) + aheadSeconds + HOUR,
      })

    it(`iat ${MAX_ISSUED_AHEAD_SECONDS} s ahead (another instance's clock) is ok`, async () => {
      const jwe = await issuedAhead(MAX_ISSUED_AHEAD_SECONDS)
      expect(await decryptSession(jwe, { now: NOW })).toMatchObject({ ok: true })
    })

    it(`iat ${MAX_ISSUED_AHEAD_SECONDS + 1} s ahead is invalid`, async () => {
      const jwe = await issuedAhead(MAX_ISSUED_AHEAD_SECONDS + 1)
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })

    it('iat a year ahead is invalid', async () => {
      const jwe = await issuedAhead(365 * 24 * HOUR)
      expect(await decryptSession(jwe, { now: NOW })).toEqual(invalid)
    })
  })

  describe('SESSION_SECRET rotation', () => {
    it('the first secret encrypts, every secret decrypts', async () => {
      vi.stubEnv('SESSION_SECRET', SECRET_B)
      const old = await token()
      vi.stubEnv('SESSION_SECRET', `${SECRET_A},${SECRET_B}`)
      const fresh = await token()
      expect(await decryptSession(old, { now: NOW })).toMatchObject({ ok: true })
      expect(await decryptSession(fresh, { now: NOW })).toMatchObject({ ok: true })
      vi.stubEnv('SESSION_SECRET', SECRET_A)
      expect(await decryptSession(fresh, { now: NOW })).toMatchObject({ ok: true })
    })

    it('a removed rotation key: its tokens become invalid', async () => {
      vi.stubEnv('SESSION_SECRET', SECRET_B)
      const old = await token()
      vi.stubEnv('SESSION_SECRET', SECRET_A)
      expect(await decryptSession(old, { now: NOW })).toEqual(invalid)
    })
  })

  describe('SESSION_SECRET config errors', () => {
    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['only whitespace', '   '],
      ['short (31 bytes)', 'x'.repeat(31)],
      ['malformed: an empty entry (trailing comma)', `${SECRET_A},`],
      ['malformed: an empty entry in the middle', `${SECRET_A},,${SECRET_B}`],
      ['malformed: whitespace after a comma', `${SECRET_A}, ${SECRET_B}`],
      ['malformed: trailing newline', `${SECRET_A}\n`],
      ['rotation with a short second secret', `${SECRET_A},short`],
    ])(
      '%s: encryptSession throws SessionConfigError naming the variable and the fix',
      async (_name, value) => {
        vi.stubEnv('SESSION_SECRET', value)
        const error = await token().catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(SessionConfigError)
        expect(String(error)).toContain('SESSION_SECRET')
        expect(String(error)).toContain('openssl rand -base64 32')
        expect(String(error)).not.toContain(SECRET_A)
      },
    )

    it('missing: decryptSession throws SessionConfigError (a deployment bug, not a bad token)', async () => {
      vi.stubEnv('SESSION_SECRET', undefined)
      await expect(decryptSession(undefined)).rejects.toBeInstanceOf(SessionConfigError)
    })

    it('short: decryptSession throws SessionConfigError for a present cookie too', async () => {
      const valid = await token()
      vi.stubEnv('SESSION_SECRET', 'x'.repeat(31))
      await expect(decryptSession(valid, { now: NOW })).rejects.toBeInstanceOf(SessionConfigError)
    })

    it('32 bytes exactly is enough (multi-byte characters count as bytes)', async () => {
      vi.stubEnv('SESSION_SECRET', 'é'.repeat(16)) // 16 characters, 32 UTF-8 bytes
      expect(await decryptSession(await token(), { now: NOW })).toMatchObject({ ok: true })
    })
  })

  describe('encryptSession: bad arguments', () => {
    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'maxAgeSeconds %s throws',
      async (maxAgeSeconds) => {
        await expect(encryptSession({ userId: 'u' }, { maxAgeSeconds })).rejects.toThrow(TypeError)
      },
    )

    it.each([MAX_AGE_LIMIT_SECONDS + 1, 1e13])(
      'maxAgeSeconds %s (past the 400-day cookie limit) throws a RangeError naming the limit',
      async (maxAgeSeconds) => {
        const error = await encryptSession({ userId: 'u' }, { maxAgeSeconds }).catch(
          (caught: unknown) => caught,
        )
        expect(error).toBeInstanceOf(RangeError)
        expect(String(error)).toContain('maxAgeSeconds')
        expect(String(error)).toContain(`at most ${MAX_AGE_LIMIT_SECONDS} (400 days`)
      },
    )

    it('maxAgeSeconds of exactly 400 days is accepted', async () => {
      const jwe = await encryptSession(
        { userId: 'u' },
        { maxAgeSeconds: MAX_AGE_LIMIT_SECONDS, now: NOW },
      )
      expect(await decryptSession(jwe, { now: NOW })).toMatchObject({
        ok: true,
        session: { expiresAt: NOW + MAX_AGE_LIMIT_SECONDS * 1000 },
      })
    })

    it('now near the end of the Date range (exp would leave it) throws', async () => {
      const now = MAX_DATE_MS - 1000
      await expect(encryptSession({ userId: 'u' }, { maxAgeSeconds: HOUR, now })).rejects.toThrow(
        TypeError,
      )
    })

    it('an empty userId throws', async () => {
      await expect(encryptSession({ userId: '' }, { maxAgeSeconds: HOUR })).rejects.toThrow(
        TypeError,
      )
    })
  })
})

describe('webcrypto path: jose options', () => {
  // With the key as it is (see above) no token can show the content-encryption pin alone at work:
  // dir + any other enc already fails on the key's type. So the options themselves are checked.
  // The header check refuses both first; these pins keep them refused should it ever loosen.
  it('enc and zip pins: compactDecrypt accepts only dir + A256GCM and inflates nothing', async () => {
    vi.mocked(jose.compactDecrypt).mockClear()
    const jwe = chooseSessionJwe(undefined)
    const token = await sealSession(jwe, { userId: 'user-1' }, { maxAgeSeconds: HOUR, now: NOW })
    expect(await openSession(jwe, token, { now: NOW })).toMatchObject({ ok: true })
    expect(jose.compactDecrypt).toHaveBeenCalledWith(
      expect.any(String),
      expect.anything(),
      expect.objectContaining({
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        maxDecompressedLength: 0,
      }),
    )
  })
})
