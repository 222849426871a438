import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SessionConfigError, sessionKeyring } from './keys'
import { getWebCryptoKeys } from './web-jwe'

const SECRET_A = 'secret-a-0123456789abcdefghijklmnopqrstuvwxyz'
const SECRET_B = 'secret-b-0123456789abcdefghijklmnopqrstuvwxyz'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

/** A keyring whose "key" is a fresh object per derivation, and a count of derivations. */
function countingKeyring() {
  const derive = vi.fn((secret: string) => Promise.resolve({ secret }))
  return { derive, getSessionKeys: sessionKeyring(derive) }
}

describe('sessionKeyring', () => {
  it('derives each key once: the same secret gives the same key on every call', async () => {
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    const { derive, getSessionKeys } = countingKeyring()
    const first = await getSessionKeys()
    const second = await getSessionKeys()
    expect(second.encryptionKey).toBe(first.encryptionKey)
    expect(derive).toHaveBeenCalledOnce()
  })

  it('rotation: the first secret encrypts, every secret decrypts, in order', async () => {
    const { derive, getSessionKeys } = countingKeyring()
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    const a = (await getSessionKeys()).encryptionKey
    vi.stubEnv('SESSION_SECRET', SECRET_B)
    const b = (await getSessionKeys()).encryptionKey
    vi.stubEnv('SESSION_SECRET', `${SECRET_B},${SECRET_A}`)
    const keys = await getSessionKeys()
    expect(keys.encryptionKey).toBe(b)
    expect(keys.decryptionKeys).toEqual([b, a])
    expect(keys.decryptionKeys[1]).toBe(a)
    expect(derive).toHaveBeenCalledTimes(2) // each secret once, across three values
  })

  it('a derivation failure is not cached: the next call derives the key again', async () => {
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    const { derive, getSessionKeys } = countingKeyring()
    derive.mockRejectedValueOnce(new Error('crypto unavailable'))
    await expect(getSessionKeys()).rejects.toThrow('crypto unavailable')
    expect((await getSessionKeys()).encryptionKey).toEqual({ secret: SECRET_A })
    expect(derive).toHaveBeenCalledTimes(2)
  })

  it('memoised by the SESSION_SECRET string: a second call neither re-parses nor re-derives', async () => {
    vi.stubEnv('SESSION_SECRET', `${SECRET_A},${SECRET_B}`)
    const { derive, getSessionKeys } = countingKeyring()
    const first = await getSessionKeys()
    const encode = vi.spyOn(TextEncoder.prototype, 'encode')
    const second = await getSessionKeys()
    expect(second).toBe(first)
    expect(encode).not.toHaveBeenCalled()
    expect(derive).toHaveBeenCalledTimes(2)
  })

  it('the memo holds one value: a changed SESSION_SECRET is read on the next call', async () => {
    const { getSessionKeys } = countingKeyring()
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    const a = await getSessionKeys()
    vi.stubEnv('SESSION_SECRET', SECRET_B)
    const b = await getSessionKeys()
    expect(b.encryptionKey).not.toBe(a.encryptionKey)
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    expect((await getSessionKeys()).encryptionKey).toBe(a.encryptionKey)
  })

  it('a config error is not memoised: the fixed variable works on the next call', async () => {
    const { derive, getSessionKeys } = countingKeyring()
    vi.stubEnv('SESSION_SECRET', 'short')
    await expect(getSessionKeys()).rejects.toBeInstanceOf(SessionConfigError)
    await expect(getSessionKeys()).rejects.toBeInstanceOf(SessionConfigError)
    expect(derive).not.toHaveBeenCalled() // thrown before any key work
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    expect((await getSessionKeys()).decryptionKeys).toHaveLength(1)
  })
})

describe('the WebCrypto path keys', () => {
  it('the derived key is a non-extractable AES-GCM 256 key (its bytes never leave WebCrypto)', async () => {
    const { encryptionKey } = await getWebCryptoKeys()
    expect(encryptionKey.extractable).toBe(false)
    expect(encryptionKey.algorithm).toEqual({ name: 'AES-GCM', length: 256 })
  })
})
