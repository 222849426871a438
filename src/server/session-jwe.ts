import 'server-only'
import type { SessionJwe } from './compact-jwe'
import { nodeSessionJwe, type NodeCrypto } from './node-jwe'
import { webSessionJwe } from './web-jwe'

/**
 * What the runtime offers, typed as possibly absent: the Node types say `process` always exists,
 * but on the edge runtime `process` has no `getBuiltinModule`, and in the browser (the server
 * stories) there may be no `process` at all.
 */
type MaybeNodeGlobals = {
  process?: { getBuiltinModule?: (id: 'node:crypto') => NodeCrypto | undefined }
}

/**
 * `node:crypto` when this runtime has it, looked up at run time rather than imported. A static or
 * dynamic `import('node:crypto')` is something every bundler resolves: Vite would externalize it
 * for the browser build (with a warning) and Next's edge bundle would fail on it.
 * `process.getBuiltinModule` (Node >= 20.16, 22.3) is a plain call no bundler follows; it is
 * absent on the edge runtime and in the browser, so those get WebCrypto. An older Node also gets
 * WebCrypto: slower, the same tokens.
 */
function builtinNodeCrypto(): NodeCrypto | undefined {
  const runtime: MaybeNodeGlobals = globalThis
  return runtime.process?.getBuiltinModule?.('node:crypto')
}

/** The JWE path for a runtime: `node:crypto` when given (tests pass it or not), else WebCrypto. */
function chooseSessionJwe(nodeCrypto: NodeCrypto | undefined): SessionJwe {
  return nodeCrypto ? nodeSessionJwe(nodeCrypto) : webSessionJwe
}

/** The path this runtime uses, chosen once when the module loads. */
const sessionJwe = chooseSessionJwe(builtinNodeCrypto())

export { builtinNodeCrypto, chooseSessionJwe, sessionJwe }
