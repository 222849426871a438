// next/headers for the kit's own cookie writer (createSession) outside a Next server: cookies()
// records what the kit sets, so the bench serves exactly that cookie. Nothing is read from it.
import { AsyncLocalStorage } from 'node:async_hooks'

const jarStore = new AsyncLocalStorage()

async function cookies() {
  const jar = jarStore.getStore()
  if (!jar) throw new Error('next/headers shim: cookies() called outside withCookieJar')
  return {
    set: (name, value, options) => jar.push({ name, value, options }),
    get: () => undefined,
  }
}

/** Runs `write` and resolves with { result, cookies: [{ name, value, options }] } it set. */
async function withCookieJar(write) {
  const jar = []
  const result = await jarStore.run(jar, write)
  return { result, cookies: jar }
}

export { cookies, withCookieJar }
