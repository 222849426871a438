// next/headers outside a Next server: cookies() and headers() of the request being rendered,
// kept in an AsyncLocalStorage exactly as Next keeps its request store. Only what the DAL reads.
import { AsyncLocalStorage } from 'node:async_hooks'

const requestStore = new AsyncLocalStorage()

function current() {
  const request = requestStore.getStore()
  if (!request) throw new Error('next/headers shim: called outside a request')
  return request
}

async function headers() {
  return current().headers
}

async function cookies() {
  const header = current().headers.get('cookie') ?? ''
  const pairs = header.split(/;\s*/).filter(Boolean)
  return {
    get(name) {
      const pair = pairs.find((p) => p.startsWith(`${name}=`))
      return pair === undefined ? undefined : { name, value: pair.slice(name.length + 1) }
    },
  }
}

/** Runs `render` as one request with this Cookie header. */
function withRequest(cookieHeader, render) {
  return requestStore.run({ headers: new Headers({ cookie: cookieHeader }) }, render)
}

export { cookies, headers, withRequest }
