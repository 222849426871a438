import 'server-only'
import type { TokenFailureReason } from '../shared/reasons'
import { CompactEncrypt, decodeProtectedHeader, errors, jwtDecrypt } from 'jose'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sessionKeyBytes } from '@/test/support/tokens'
import type { SessionJwe } from './compact-jwe'
import { openSession, sealSession, type DecryptResult, type SessionData } from './session'
import { sessionClaims } from './session-claims'
import { builtinNodeCrypto, chooseSessionJwe } from './session-jwe'

// The differential guard of the two JWE paths: thousands of generated and mutated tokens, made by
// jose and by the node:crypto path, must get the same verdict from both paths as from jose's own
// jwtDecrypt with the kit's pins (the implementation both replaced). The kit is stricter than
// jose on purpose in two ways, which the reference applies on top of jose, written here
// independently of compact-jwe.ts: one canonical base64url spelling per part (jose decodes with
// `atob` on Node 20) and a protected header of exactly `alg` and `enc` (jose allows `typ`, `kid`).

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // the checking server's clock, epoch ms
const NOW_S = NOW / 1000
const SECRET_A = 'parity-secret-a-0123456789abcdefghijklmnopqrstuvwxyz'
const SECRET_B = 'parity-secret-b-0123456789abcdefghijklmnopqrstuvwxyz' // an older rotation key
const SECRET_C = 'parity-secret-c-0123456789abcdefghijklmnopqrstuvwxyz' // not configured: wrong key
const SEED = 20_261_130 // fixed: a failure reproduces
const JOSE_MADE_RUNS = 1500
const NODE_MADE_RUNS = 1000

const nodePath = chooseSessionJwe(builtinNodeCrypto())
const webPath = chooseSessionJwe(undefined)
let keys: { a: Uint8Array; b: Uint8Array; c: Uint8Array }

beforeAll(async () => {
  vi.stubEnv('SESSION_SECRET', `${SECRET_A},${SECRET_B}`)
  keys = {
    a: await sessionKeyBytes(SECRET_A),
    b: await sessionKeyBytes(SECRET_B),
    c: await sessionKeyBytes(SECRET_C),
  }
})

afterAll(() => {
  vi.unstubAllEnvs()
})

type Verdict = 'ok' | TokenFailureReason

type Summary = { verdict: Verdict; session?: SessionData }

/** A result as the verdict and, when ok, the session, so claims are compared too. */
const summary = (result: DecryptResult): Summary =>
  result.ok ? { verdict: 'ok', session: result.session } : { verdict: result.reason }

const isCanonical = (part: string) =>
  /^[\w-]*$/.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part

function isExactHeader(token: string): boolean {
  try {
    return Object.keys(decodeProtectedHeader(token)).sort().join() === 'alg,enc'
  } catch {
    return false
  }
}

/** The reference: jose's jwtDecrypt with the kit's pins, every configured key, then the claims. */
async function reference(token: string): Promise<Summary> {
  const invalid: Summary = { verdict: 'invalid' }
  if (token.length > 4096 || !token.split('.').every(isCanonical) || !isExactHeader(token)) {
    return invalid
  }
  for (const key of [keys.a, keys.b]) {
    try {
      const { payload } = await jwtDecrypt(token, key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        requiredClaims: ['exp', 'iat', 'sub'],
        maxDecompressedLength: 0,
        currentDate: new Date(NOW),
      })
      const session = sessionClaims(payload, NOW)
      return session ? { verdict: 'ok', session } : invalid
    } catch (error) {
      if (error instanceof errors.JWEDecryptionFailed) continue
      if (error instanceof errors.JWTExpired && sessionClaims(error.payload, NOW)) {
        return { verdict: 'expired' }
      }
      return invalid
    }
  }
  return invalid
}

// Claims around NOW: at, just before and just after each boundary (exp, 60 s of iat ahead), plus
// values outside the Date range, non-integers and wrong types.
const seconds = fc.oneof(
  fc.constantFrom(-3601, -1, 0, 1, 59, 60, 61, 3600).map((offset) => NOW_S + offset),
  fc.constantFrom(NOW_S + 1e13, 1e300, -1e300, 8.64e12, 8.64e12 + 1, NOW_S + 0.5),
  fc.integer({ min: -1e6, max: 1e6 }).map((offset) => NOW_S + offset),
  fc.constantFrom('1', null, true),
)
// Session ids (absent in a record: a token from before them): valid, or present but not one.
const validSid = fc.oneof(
  fc.constantFrom('AAAAAAAAAAAAAAAAAAAAAQ', 'q83vEjRWeJq83vEjRWeJqw'),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64url')),
)
const badSid = fc.constantFrom<unknown>(
  '',
  'short',
  'AAAAAAAAAAAAAAAAAAAAAB', // a second spelling of 16 bytes: spare bits set
  'AAAAAAAAAAAAAAAAAAAAAAA',
  'A+AAAAAAAAAAAAAAAAAAAA',
  42,
  null,
  ['AAAAAAAAAAAAAAAAAAAAAQ'],
)
const sid = fc.oneof(
  { weight: 4, arbitrary: validSid },
  { weight: 3, arbitrary: fc.constant(undefined) }, // JSON.stringify drops it: no sid claim
  { weight: 1, arbitrary: badSid },
)
const claims = fc.record(
  {
    sid,
    sub: fc.oneof(fc.constantFrom('user-1', '', 42), fc.string({ maxLength: 8 })),
    iat: seconds,
    exp: seconds,
    nbf: seconds,
    name: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: [] },
)
// Claims a server of ours could have written, at the boundaries of each check.
const plausibleClaims = fc.record(
  {
    sub: fc.constantFrom('user-1', 'u'),
    iat: fc.constantFrom(-3601, -1, 0, 1, 60, 61).map((offset) => NOW_S + offset),
    exp: fc.constantFrom(-3601, -1, 0, 1, 3600).map((offset) => NOW_S + offset),
    nbf: fc.constantFrom(-1, 0, 1).map((offset) => NOW_S + offset),
    sid,
  },
  { requiredKeys: ['sub', 'iat', 'exp', 'sid'] },
)
const encoder = new TextEncoder()
const plaintext = fc.oneof(
  { weight: 16, arbitrary: plausibleClaims.map((value) => encoder.encode(JSON.stringify(value))) },
  { weight: 4, arbitrary: claims.map((value) => encoder.encode(JSON.stringify(value))) },
  fc
    .constantFrom('[]', '"user-1"', '42', 'null', '{"sub":', 'not json', '')
    .map(encoder.encode.bind(encoder)),
  fc.constant(Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), // {"\xff":1}: not UTF-8
)
const extraHeader = fc.constantFrom<Record<string, unknown>>(
  ...Array.from({ length: 6 }, () => ({})), // mostly the header we write
  { zip: 'DEF' },
  { typ: 'JWT' },
  { kid: 'k1' },
  { crit: ['exp'], exp: 1 },
  { sub: 'admin' },
)

/** A token jose makes: any plaintext, header and key (A and B configured, C not). */
const joseMade = fc
  .record({ plaintext, extraHeader, key: fc.constantFrom('a', 'a', 'b', 'c' as const) })
  .map(({ plaintext: bytes, extraHeader: extra, key }) => async () => {
    const header = { alg: 'dir', enc: 'A256GCM', ...extra }
    const crit = 'crit' in extra ? { crit: { exp: true } } : undefined
    return new CompactEncrypt(bytes).setProtectedHeader(header).encrypt(keys[key], crit)
  })

/** A token the node:crypto path makes: valid claims at a time around NOW. */
const nodeMade = fc
  .record({
    userId: fc.string({ minLength: 1, maxLength: 12 }),
    maxAgeSeconds: fc.constantFrom(1, 60, 3600, 400 * 24 * 3600),
    madeAt: fc.integer({ min: -4000, max: 120 }).map((offset) => NOW + offset * 1000),
  })
  .map(
    ({ userId, maxAgeSeconds, madeAt }) =>
      () =>
        sealSession(nodePath, { userId }, { maxAgeSeconds, now: madeAt }),
  )

/** Part `index` of `token` changed by `change`. */
function mutatePart(token: string, index: number, change: (part: string) => string): string {
  const parts = token.split('.')
  parts[index] = change(parts[index] ?? '')
  return parts.join('.')
}

function flipByte(part: string, at: number, bit: number): string {
  const bytes = Buffer.from(part, 'base64url')
  if (bytes.length === 0) return part
  const index = at % bytes.length
  bytes[index] = (bytes[index] ?? 0) ^ (1 << bit)
  return bytes.toString('base64url')
}

const SPELLINGS = [
  (part: string) => `${part}=`,
  (part: string) => `+${part.slice(1)}`,
  (part: string) => `${part.slice(0, 1)}/${part.slice(2)}`,
  (part: string) => ` ${part}`,
  (part: string) => part.slice(0, -1) + (part.endsWith('A') ? 'B' : 'A'), // may leave bits set
]

const mutation = fc.oneof(
  { weight: 6, arbitrary: fc.constant((token: string) => token) },
  fc
    .record({
      index: fc.integer({ min: 0, max: 4 }),
      at: fc.nat(),
      bit: fc.integer({ min: 0, max: 7 }),
    })
    .map(
      ({ index, at, bit }) =>
        (token: string) =>
          mutatePart(token, index, (p) => flipByte(p, at, bit)),
    ),
  fc.record({ index: fc.integer({ min: 0, max: 4 }), spelling: fc.nat(SPELLINGS.length - 1) }).map(
    ({ index, spelling }) =>
      (token: string) =>
        mutatePart(token, index, SPELLINGS[spelling] ?? String),
  ),
  fc.integer({ min: 1, max: 6 }).map((cut) => (token: string) => token.slice(0, -cut)), // tag truncated
  fc.constantFrom(
    (token: string) => `${token}.`,
    (token: string) => token.split('.').slice(1).join('.'),
    (token: string) => mutatePart(token, 1, () => 'AAAA'), // an encrypted key for `dir`
    (token: string) => mutatePart(token, 3, () => ''),
  ),
)

/** Runs `runs` generated tokens through the reference and both paths; returns the verdicts. */
async function compare(make: fc.Arbitrary<() => Promise<string>>, runs: number) {
  const seen: Summary[] = []
  await fc.assert(
    fc.asyncProperty(make, mutation, async (makeToken, mutate) => {
      const token = mutate(await makeToken())
      const expected = await reference(token)
      seen.push(expected)
      const paths: ReadonlyArray<SessionJwe> = [nodePath, webPath]
      for (const path of paths) {
        expect(summary(await openSession(path, token, { now: NOW }))).toEqual(expected)
      }
    }),
    { numRuns: runs, seed: SEED },
  )
  return seen
}

const count = (seen: Summary[], verdict: Verdict) =>
  seen.filter((s) => s.verdict === verdict).length
/** Opened sessions with a session id (`true`) or without one (`false`, made before them). */
const withSessionId = (seen: Summary[], has: boolean) =>
  seen.filter((s) => s.session && (s.session.sessionId !== null) === has).length

describe('both JWE paths give the verdicts jose gives', () => {
  it(`${JOSE_MADE_RUNS} jose-made tokens, mutated: opened by the node path and the jose path`, async () => {
    const seen = await compare(joseMade, JOSE_MADE_RUNS)
    expect(seen).toHaveLength(JOSE_MADE_RUNS)
    // The generators reach every verdict, so agreement is not only on "invalid".
    expect(count(seen, 'ok')).toBeGreaterThan(50)
    expect(count(seen, 'expired')).toBeGreaterThan(50)
    expect(count(seen, 'invalid')).toBeGreaterThan(500)
    // Both kinds of token open: with a session id and without one (made before session ids).
    expect(withSessionId(seen, true)).toBeGreaterThan(10)
    expect(withSessionId(seen, false)).toBeGreaterThan(10)
  })

  it(`${NODE_MADE_RUNS} node-made tokens, mutated: opened by jose and by both paths`, async () => {
    const seen = await compare(nodeMade, NODE_MADE_RUNS)
    expect(seen).toHaveLength(NODE_MADE_RUNS)
    expect(count(seen, 'ok')).toBeGreaterThan(100)
    expect(count(seen, 'expired')).toBeGreaterThan(100)
    expect(count(seen, 'invalid')).toBeGreaterThan(100)
  })
})
