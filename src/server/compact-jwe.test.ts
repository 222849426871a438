import 'server-only'
import { base64url } from 'jose'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeBase64url,
  encodeBase64url,
  formatCompactJwe,
  MAX_TOKEN_LENGTH,
  parseCompactJwe,
} from './compact-jwe'

const bytes = (length: number, fill = 7) => new Uint8Array(length).fill(fill)
/** A well-formed token: 12-byte IV, 20 bytes of ciphertext, 16-byte tag. */
const TOKEN = formatCompactJwe(bytes(12), bytes(20), bytes(16))
const header = (object: unknown) => base64url.encode(JSON.stringify(object))

/** TOKEN with part `index` replaced. */
function withPart(index: number, value: string): string {
  const parts = TOKEN.split('.')
  parts[index] = value
  return parts.join('.')
}

describe('parseCompactJwe', () => {
  it('parses the shape encryptSession writes; the AAD is the header segment as sent', () => {
    const parsed = parseCompactJwe(TOKEN)
    expect(parsed).toMatchObject({ iv: bytes(12), ciphertext: bytes(20), tag: bytes(16) })
    expect(new TextDecoder().decode(parsed?.aad)).toBe(TOKEN.split('.')[0])
  })

  it('accepts the same header spelled otherwise (key order, spaces), as jose does', () => {
    const segment = base64url.encode('{ "enc": "A256GCM", "alg": "dir" }')
    const parsed = parseCompactJwe(withPart(0, segment))
    expect(new TextDecoder().decode(parsed?.aad)).toBe(segment)
  })

  it.each([
    ['zip (a 316-byte token inflates to 100 KB)', { alg: 'dir', enc: 'A256GCM', zip: 'DEF' }],
    ['crit', { alg: 'dir', enc: 'A256GCM', crit: ['exp'], exp: 1 }],
    ['typ', { alg: 'dir', enc: 'A256GCM', typ: 'JWT' }],
    ['kid', { alg: 'dir', enc: 'A256GCM', kid: 'k1' }],
    ['a replicated claim (sub)', { alg: 'dir', enc: 'A256GCM', sub: 'admin' }],
    ['alg none', { alg: 'none', enc: 'A256GCM' }],
    ['another enc', { alg: 'dir', enc: 'A128GCM' }],
    ['no enc', { alg: 'dir' }],
    ['an array', ['dir', 'A256GCM']],
    ['a string', 'dir'],
  ])('refuses a header with %s', (_name, value) => {
    expect(parseCompactJwe(withPart(0, header(value)))).toBeNull()
  })

  it('refuses a header that is not UTF-8 or not JSON', () => {
    const latin1 = base64url.encode(Uint8Array.from([0x7b, 0xff, 0x7d])) // { 0xff }
    expect(parseCompactJwe(withPart(0, latin1))).toBeNull()
    expect(parseCompactJwe(withPart(0, base64url.encode('{alg:dir}')))).toBeNull()
  })

  it.each([
    ['an encrypted key (dir has none)', 1, encodeBase64url(bytes(32))],
    ['an 11-byte IV', 2, encodeBase64url(bytes(11))],
    ['a 13-byte IV', 2, encodeBase64url(bytes(13))],
    ['a truncated (15-byte) tag', 4, encodeBase64url(bytes(15))],
    ['a 17-byte tag', 4, encodeBase64url(bytes(17))],
    ['an empty tag', 4, ''],
  ])('refuses %s', (_name, index, value) => {
    expect(parseCompactJwe(withPart(index, value))).toBeNull()
  })

  it.each([
    ['4 parts', TOKEN.split('.').slice(0, 4).join('.')],
    ['6 parts', `${TOKEN}.`],
    ['more than 4096 characters', withPart(3, 'A'.repeat(MAX_TOKEN_LENGTH))],
  ])('refuses %s', (_name, value) => {
    expect(parseCompactJwe(value)).toBeNull()
  })

  // jose decodes with `atob` on Node 20: padding, whitespace and non-zero trailing bits all pass
  // there. The kit refuses them on both paths, so each token has one spelling.
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const ciphertext = TOKEN.split('.')[3] ?? '' // 20 bytes: 27 characters, 2 trailing bits
  it.each([
    ['padding', `${ciphertext}=`],
    ['+ (base64, not base64url)', `+${ciphertext.slice(1)}`],
    ['/ (base64, not base64url)', `/${ciphertext.slice(1)}`],
    ['a space', `${ciphertext.slice(0, 2)} ${ciphertext.slice(2)}`],
    ['a newline', `${ciphertext}\n`],
    [
      'non-zero trailing bits',
      ciphertext.slice(0, -1) + ALPHABET.charAt(ALPHABET.indexOf(ciphertext.slice(-1)) | 1),
    ],
  ])('refuses base64url with %s', (_name, spoiled) => {
    expect(ciphertext).toHaveLength(27)
    expect(parseCompactJwe(withPart(3, ciphertext))).not.toBeNull() // control
    expect(parseCompactJwe(withPart(3, spoiled))).toBeNull()
  })

  it('jose itself accepts a non-canonical spelling (why the shared pre-check exists)', () => {
    expect(base64url.decode('AR')).toEqual(base64url.decode('AQ')) // both [1]
    expect(decodeBase64url('AQ')).toEqual(Uint8Array.of(1))
    expect(decodeBase64url('AR')).toBeNull()
  })
})

describe('base64url', () => {
  it('encodes as Buffer does, and decodes back (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const text = encodeBase64url(input)
        expect(text).toBe(Buffer.from(input).toString('base64url'))
        expect(decodeBase64url(text)).toEqual(input)
      }),
    )
  })

  it('decodes exactly the canonical strings: those Buffer re-encodes unchanged (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'AQRgw_-+/= .'.split('')), maxLength: 12 })
    fc.assert(
      fc.property(text, (value) => {
        const canonical =
          /^[\w-]*$/.test(value) && Buffer.from(value, 'base64url').toString('base64url') === value
        expect(decodeBase64url(value) !== null).toBe(canonical)
      }),
    )
  })
})
