// Bundled under the `react-server` condition with Next's own vendored React and Flight renderer
// (the ones `next start` runs): N async Server Components each call the DAL's getSession().
import { createElement as h } from 'react'
import { renderToReadableStream } from 'react-server-dom-webpack/server'
import { createSessionDal } from '@/lib/session/server/dal'
import { encryptSession } from '@/lib/session/server/session'
import { currentSessionCookieName } from '@/lib/session/server/cookie'
import { withRequest } from 'next/headers'

const USER = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }

/**
 * Counts what one experiment did: AES-GCM openings and loadUser calls. The kit opens tokens with
 * node:crypto's `createDecipheriv` on Node and WebCrypto's `decrypt` elsewhere (session-jwe.ts):
 * both are counted. The node path calls `createDecipheriv` on the module object that
 * `process.getBuiltinModule` returns, so wrapping that property is seen on every call.
 */
function makeCounters() {
  const counts = { decrypts: 0, loadUser: 0 }
  const subtle = globalThis.crypto.subtle
  const decrypt = subtle.decrypt.bind(subtle)
  subtle.decrypt = (...args) => {
    counts.decrypts += 1
    return decrypt(...args)
  }
  const nodeCrypto = process.getBuiltinModule('node:crypto')
  const { createDecipheriv } = nodeCrypto
  nodeCrypto.createDecipheriv = (...args) => {
    counts.decrypts += 1
    return createDecipheriv(...args)
  }
  counts.restore = () => {
    // Back to the prototype's method (the own property shadowed it) once the experiment is done.
    delete subtle.decrypt
    nodeCrypto.createDecipheriv = createDecipheriv
  }
  return counts
}

async function drain(stream) {
  let text = ''
  const decoder = new TextDecoder()
  for await (const chunk of stream) text += decoder.decode(chunk, { stream: true })
  return text
}

/** Renders one request's tree of `n` components; returns the Flight payload text. */
function renderRequest(dal, cookie, n) {
  async function Widget({ index }) {
    const session = await dal.getSession()
    return h('li', null, `${index}: ${session.status}`)
  }
  const page = h(
    'ul',
    null,
    Array.from({ length: n }, (_, index) => h(Widget, { key: index, index })),
  )
  return withRequest(cookie, () => drain(renderToReadableStream(page, {})))
}

async function runDalDedupe({ components }) {
  const counts = makeCounters()
  const loadUser = async (id) => {
    counts.loadUser += 1
    return id === USER.id ? USER : null
  }
  const dal = createSessionDal({ loadUser })
  const token = await encryptSession({ userId: USER.id }, { maxAgeSeconds: 3600 })
  const cookie = `${currentSessionCookieName()}=${token}`
  const measure = async (run) => {
    counts.decrypts = 0
    counts.loadUser = 0
    const output = await run()
    return { decrypts: counts.decrypts, loadUser: counts.loadUser, output }
  }
  const oneRender = await measure(() => renderRequest(dal, cookie, components))
  const twoRenders = await measure(async () => {
    await renderRequest(dal, cookie, components)
    return renderRequest(dal, cookie, components)
  })
  // Control: the same calls outside a render, where React's cache has no request to key on.
  const outside = await measure(() =>
    withRequest(cookie, () => Promise.all(Array.from({ length: components }, dal.getSession))),
  )
  counts.restore()
  const rendered = (oneRender.output.match(/: authenticated/g) ?? []).length
  return { components, rendered, oneRender, twoRenders, outside }
}

export { runDalDedupe }
