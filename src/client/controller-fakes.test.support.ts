import { createStore } from 'jotai'
import { afterEach, beforeEach, vi } from 'vitest'
import type {
  ClientSession,
  SessionPayload,
  SessionUser,
  UnauthenticatedReason,
} from '../shared/types'
import { sessionAtom } from './atoms'
import { createSessionController } from './session-controller'
import type { SessionControllerOptions, SessionFetcher } from './session-options'

// The controller's test doubles and fixtures, for the controller's test files (not shipped:
// the name holds `.test.`). Inline, not from mocks/: src/client may import only src/shared.
const alice: SessionUser = {
  id: 'user_alice',
  name: 'Alice Martin',
  email: 'alice@example.com',
  role: 'member',
}
const NOW = Date.parse('2030-01-01T12:00:00.000Z')
const HOUR_MS = 3_600_000
const RETRY_BASE_MS = 1_000
const CHANNEL = 'next-session-kit:test'

// ---- A fake BroadcastChannel: one hub per test, delivery on a microtask like the real one.

type FakeChannel = {
  name: string
  onmessage: ((event: MessageEvent<unknown>) => void) | null
  postMessage: (data: unknown) => void
  close: () => void
}

function fakeBroadcastChannels() {
  const open = new Set<FakeChannel>()
  const posted: Array<{ name: string; data: unknown }> = []
  class FakeBroadcastChannel implements FakeChannel {
    onmessage: ((event: MessageEvent<unknown>) => void) | null = null
    private closed = false
    constructor(readonly name: string) {
      open.add(this)
    }
    postMessage(data: unknown) {
      if (this.closed) throw new Error('InvalidStateError: BroadcastChannel is closed')
      posted.push({ name: this.name, data })
      for (const other of open) {
        if (other === this || other.name !== this.name) continue
        queueMicrotask(() => other.onmessage?.(new MessageEvent('message', { data })))
      }
    }
    close() {
      this.closed = true
      open.delete(this)
    }
  }
  return {
    FakeBroadcastChannel,
    posted: () => [...posted],
    openCount: () => open.size,
    /** Another tab of the app: what it heard, and a way to speak. */
    otherTab(name: string) {
      const channel = new FakeBroadcastChannel(name)
      const heard: unknown[] = []
      channel.onmessage = (event) => heard.push(event.data)
      return { heard: () => [...heard], post: (data: unknown) => channel.postMessage(data) }
    },
  }
}

// ---- A fake fetcher: each call waits until the test answers it (or answers itself).

type Call = {
  method: string
  signal: AbortSignal
  respond: (response: Response) => void
}

function fakeFetcher(autoAnswer?: (method: string) => Response) {
  const calls: Call[] = []
  const fetcher: SessionFetcher = (_input, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? new AbortController().signal
      const method = init.method ?? 'GET'
      signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))
      calls.push({ method, signal, respond: resolve })
      if (autoAnswer) resolve(autoAnswer(method))
    })
  return {
    fetcher,
    gets: () => calls.filter((call) => call.method === 'GET'),
    deletes: () => calls.filter((call) => call.method === 'DELETE'),
  }
}

type FakeApi = ReturnType<typeof fakeFetcher>

function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  })
}

/** `serverTime`: the server's clock when it answered, epoch ms; by default the client's. */
const signedInUntil = (expiresAt: number, serverTime = Date.now()): SessionPayload => ({
  status: 'authenticated',
  user: alice,
  expiresAt: new Date(expiresAt).toISOString(),
  serverTime: new Date(serverTime).toISOString(),
})
const signedOut = (reason: UnauthenticatedReason, serverTime = Date.now()): SessionPayload => ({
  status: 'unauthenticated',
  reason,
  serverTime: new Date(serverTime).toISOString(),
})
/** GET, or DELETE after clearing the cookie, while the revocation store is down (src/server/route.ts). */
const storeUnavailable = () =>
  json({ error: 'Session store unavailable' }, { status: 503, headers: { 'Retry-After': '5' } })
const rateLimited = (retryAfter: string) =>
  json({ error: 'slow down' }, { status: 429, headers: { 'Retry-After': retryAfter } })
const signedIn = (): ClientSession => ({
  status: 'authenticated',
  user: alice,
  expiresAt: NOW + HOUR_MS,
})

/** A controller created as a provider creates it: with the layout's answer (`initialSession`). */
function setup(
  fetcher: SessionFetcher,
  initial: SessionPayload | null = signedInUntil(NOW + HOUR_MS),
  receivedAt?: number, // when `initial` arrived, client epoch ms; default: now
) {
  const store = createStore()
  const options: SessionControllerOptions = {
    endpoint: '/api/session',
    fetcher,
    requestTimeoutMs: 10_000,
    retryBaseMs: RETRY_BASE_MS,
    retryMaxMs: 60_000,
    channelName: CHANNEL,
  }
  const controller = createSessionController(store, initial, options, receivedAt)
  return { controller, session: () => store.get(sessionAtom) }
}

type FakeChannels = ReturnType<typeof fakeBroadcastChannels>

/**
 * For a test file: fake time from NOW and a fresh BroadcastChannel hub for each test. Returns the
 * running test's hub (other tabs, what was posted).
 */
function fakeTimeAndTabs(): () => FakeChannels {
  let channels: FakeChannels | undefined
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW })
    channels = fakeBroadcastChannels()
    vi.stubGlobal('BroadcastChannel', channels.FakeBroadcastChannel)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })
  return () => {
    if (!channels) throw new Error('fakeTimeAndTabs: used outside a test')
    return channels
  }
}

/** Lets answers, body reads and the controller's follow-ups run (fake time stands still). */
const flush = () => vi.advanceTimersByTimeAsync(0)

export {
  alice,
  CHANNEL,
  fakeFetcher,
  fakeTimeAndTabs,
  flush,
  HOUR_MS,
  json,
  NOW,
  rateLimited,
  RETRY_BASE_MS,
  setup,
  signedIn,
  signedInUntil,
  signedOut,
  storeUnavailable,
}
export type { FakeApi }
