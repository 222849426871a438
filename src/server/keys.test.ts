import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getSessionKeys, SessionConfigError } from './keys'

const SECRET_A = 'secret-a-0123456789abcdefghijklmnopqrstuvwxyz'
const SECRET_B = 'secret-b-0123456789abcdefghijklmnopqrstuvwxyz'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('getSessionKeys', () => {
  it('derives each key once: the same secret gives the same CryptoKey on every call', async () => {
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    const first = await getSessionKeys()
    const second = await getSessionKeys()
    expect(second.encryptionKey).toBe(first.encryptionKey)
  })

  it('rotation: the first secret encrypts, every secret decrypts, in order', async () => {
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    const a = (await getSessionKeys()).encryptionKey
    vi.stubEnv('SESSION_SECRET', SECRET_B)
    const b = (await getSessionKeys()).encryptionKey
    vi.stubEnv('SESSION_SECRET', `${SECRET_B},${SECRET_A}`)
    const keys = await getSessionKeys()
    expect(keys.encryptionKey).toBe(b)
    expect(keys.decryptionKeys).toHaveLength(2)
    expect(keys.decryptionKeys[0]).toBe(b)
    expect(keys.decryptionKeys[1]).toBe(a)
  })

  it('a derivation failure is not cached: the next call derives the key again', async () => {
    // A secret no other test used, so the memo has no entry for it yet.
    vi.stubEnv('SESSION_SECRET', 'secret-c-derivation-failure-0123456789abcdef')
    const importKey = vi
      .spyOn(crypto.subtle, 'importKey')
      .mockRejectedValueOnce(new Error('WebCrypto unavailable'))
    await expect(getSessionKeys()).rejects.toThrow('WebCrypto unavailable')
    const { encryptionKey } = await getSessionKeys()
    expect(encryptionKey.algorithm).toEqual({ name: 'AES-GCM', length: 256 })
    expect(importKey).toHaveBeenCalledTimes(2)
  })

  it('memoised by the SESSION_SECRET string: a second call neither re-parses nor re-derives', async () => {
    vi.stubEnv('SESSION_SECRET', `${SECRET_A},${SECRET_B}`)
    const first = await getSessionKeys()
    const encode = vi.spyOn(TextEncoder.prototype, 'encode')
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    const second = await getSessionKeys()
    expect(second).toBe(first)
    expect(encode).not.toHaveBeenCalled()
    expect(importKey).not.toHaveBeenCalled()
  })

  it('the memo holds one value: a changed SESSION_SECRET is read on the next call', async () => {
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    const a = await getSessionKeys()
    vi.stubEnv('SESSION_SECRET', SECRET_B)
    const b = await getSessionKeys()
    expect(b.encryptionKey).not.toBe(a.encryptionKey)
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    expect((await getSessionKeys()).encryptionKey).toBe(a.encryptionKey)
  })

  it('a config error is not memoised: the fixed variable works on the next call', async () => {
    vi.stubEnv('SESSION_SECRET', 'short')
    await expect(getSessionKeys()).rejects.toBeInstanceOf(SessionConfigError)
    await expect(getSessionKeys()).rejects.toBeInstanceOf(SessionConfigError)
    vi.stubEnv('SESSION_SECRET', SECRET_A)
    expect((await getSessionKeys()).decryptionKeys).toHaveLength(1)
  })

  it('the derived key is a non-extractable AES-GCM 256 key (its bytes never leave WebCrypto)', async () => {
    const { encryptionKey } = await getSessionKeys()
    expect(encryptionKey.extractable).toBe(false)
    expect(encryptionKey.algorithm).toEqual({ name: 'AES-GCM', length: 256 })
  })
})
