// One valid token per library for the same claims (user id, issued-at, expiry one hour ahead),
// and the call each library's server makes to open it. Keys are made once, outside the timing.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { unsealData, sealData } from 'iron-session'
import { SignJWT, jwtVerify } from 'jose'
import { decode, encode } from 'next-auth/jwt'
import { importRootModule } from '../lib/import-root-module.mjs'

const USER_ID = 'user-1'
const HOUR_S = 3600

function claims() {
  const iat = Math.floor(Date.now() / 1000)
  return { sub: USER_ID, iat, exp: iat + HOUR_S }
}

function fail(name, value) {
  throw new Error(`${name}: the token did not verify (${JSON.stringify(value)})`)
}

/** The floor: HMAC-SHA256 over a base64url JSON payload, checked with node:crypto directly. */
function hmacCandidate(secret) {
  const key = Buffer.from(secret)
  const sign = (body) => createHmac('sha256', key).update(body).digest()
  const body = Buffer.from(JSON.stringify(claims())).toString('base64url')
  const token = `${body}.${sign(body).toString('base64url')}`
  return async () => {
    const [payload, mac] = token.split('.')
    const given = Buffer.from(mac, 'base64url')
    const expected = sign(payload)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) fail('hmac', mac)
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString())
    if (data.exp * 1000 <= Date.now()) fail('hmac', data)
  }
}

/** One secret for every library: SESSION_SECRET, which the kit reads itself, as in an app. */
async function makeCandidates() {
  const secret = process.env.SESSION_SECRET
  if (!secret) throw new Error('SESSION_SECRET must be set (run.mjs sets a random one)')
  const kit = await importRootModule('src/server/session.ts')
  const { builtinNodeCrypto, chooseSessionJwe } = await importRootModule(
    'src/server/session-jwe.ts',
  )
  // decryptSession runs the node:crypto path on Node; the WebCrypto path (the edge runtime's) is
  // measured beside it through the same openSession, on the same token.
  const nodePath = chooseSessionJwe(builtinNodeCrypto())
  const webPath = chooseSessionJwe(undefined)
  if (nodePath.runtime !== 'node:crypto') throw new Error('this Node has no getBuiltinModule')
  const kitToken = await kit.encryptSession({ userId: USER_ID }, { maxAgeSeconds: HOUR_S })
  const ironPassword = secret
  const ironSeal = await sealData(claims(), { password: ironPassword, ttl: HOUR_S })
  const nextAuthToken = await encode({ token: claims(), secret: secret, maxAge: HOUR_S })
  const joseKey = new TextEncoder().encode(secret)
  const joseToken = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(joseKey)

  return [
    {
      id: 'kit',
      label: 'kit decryptSession, node:crypto path (JWE dir+A256GCM, cached key)',
      verify: async () => {
        const result = await kit.decryptSession(kitToken)
        if (!result.ok) fail('kit', result)
      },
    },
    {
      id: 'kit-webcrypto',
      label: 'kit, WebCrypto path (jose compactDecrypt; the edge runtime)',
      verify: async () => {
        const result = await kit.openSession(webPath, kitToken)
        if (!result.ok) fail('kit-webcrypto', result)
      },
    },
    {
      id: 'iron-session',
      label: 'iron-session unsealData',
      verify: async () => {
        const data = await unsealData(ironSeal, { password: ironPassword, ttl: HOUR_S })
        if (data.sub !== USER_ID) fail('iron-session', data)
      },
    },
    {
      id: 'next-auth',
      label: 'next-auth decode (next-auth/jwt)',
      verify: async () => {
        const data = await decode({ token: nextAuthToken, secret: secret })
        if (data?.sub !== USER_ID) fail('next-auth', data)
      },
    },
    {
      id: 'jose-hs256',
      label: 'jose HS256 jwtVerify, raw Uint8Array key',
      verify: async () => {
        const { payload } = await jwtVerify(joseToken, joseKey, { algorithms: ['HS256'] })
        if (payload.sub !== USER_ID) fail('jose', payload)
      },
    },
    { id: 'hmac', label: 'node:crypto HMAC-SHA256 (floor)', verify: hmacCandidate(secret) },
  ]
}

export { makeCandidates }
