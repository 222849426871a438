import 'server-only'
import * as nodeCrypto from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { builtinNodeCrypto, chooseSessionJwe, sessionJwe } from './session-jwe'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('which JWE path runs', () => {
  it('Node (vitest runs on Node 20.20): node:crypto, found through process.getBuiltinModule', () => {
    expect(builtinNodeCrypto()?.createDecipheriv).toBe(nodeCrypto.createDecipheriv)
    expect(sessionJwe.runtime).toBe('node:crypto')
  })

  it('the edge runtime (a process without getBuiltinModule): WebCrypto', () => {
    vi.stubGlobal('process', { env: process.env })
    const found = builtinNodeCrypto()
    vi.unstubAllGlobals()
    expect(found).toBeUndefined()
    expect(chooseSessionJwe(found).runtime).toBe('webcrypto')
  })

  it('the browser (no process at all): WebCrypto', () => {
    vi.stubGlobal('process', undefined)
    const found = builtinNodeCrypto()
    vi.unstubAllGlobals()
    expect(found).toBeUndefined()
  })

  it('node:crypto given: the node path', () => {
    expect(chooseSessionJwe(nodeCrypto).runtime).toBe('node:crypto')
  })
})
