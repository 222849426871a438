import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getSessionKeys } from './session-keys'

const SECRET_A = 'secret-a-0123456789abcdefghijklmnopqrstuvwxyz'
const SECRET_B = 'secret-b-0123456789abcdefghijklmnopqrstuvwxyz'

afterEach(() => {
  vi.unstubAllEnvs()
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

  it('the derived key is a non-extractable AES-GCM 256 key (its bytes never leave WebCrypto)', async () => {
    const { encryptionKey } = await getSessionKeys()
    expect(encryptionKey.extractable).toBe(false)
    expect(encryptionKey.algorithm).toEqual({ name: 'AES-GCM', length: 256 })
  })
})
