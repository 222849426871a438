import { createStore } from 'jotai'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  EXPIRY_GRACE_MS,
  PAST_EXPIRY_FAST_WINDOW_MS,
  PAST_EXPIRY_RECHECK_MS,
  PAST_EXPIRY_SLOW_RECHECK_MS,
} from './expiry-timing'
import type { ClientSession, SessionPayload, SessionUser } from '../shared/types'
import { sessionAtom } from './atoms'
import { SIGNED_OUT_MESSAGE } from './session-channel'
import type { SessionController } from './session-context'
import { createSessionController } from './session-controller'
import type { SessionControllerOptions, SessionFetcher } from './session-options'

// Inline, not from mocks/: src/client may import only src/shared (the ESLint boundary).
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

const signedInUntil = (expiresAt: number): SessionPayload => ({
  status: 'authenticated',
  user: alice,
  expiresAt: new Date(expiresAt).toISOString(),
})
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
  const controller = createSessionController(store, initial, options)
  return { controller, session: () => store.get(sessionAtom) }
}

/** Lets answers, body reads and the controller's follow-ups run (fake time stands still). */
const flush = () => vi.advanceTimersByTimeAsync(0)

let channels: ReturnType<typeof fakeBroadcastChannels>

beforeEach(() => {
  vi.useFakeTimers({ now: NOW })
  channels = fakeBroadcastChannels()
  vi.stubGlobal('BroadcastChannel', channels.FakeBroadcastChannel)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe("created with the layout's answer: one hydrate path for mount and re-render", () => {
  it('no initial session: loading, and one check once connected (none before)', async () => {
    const api = fakeFetcher(() => json(signedInUntil(NOW + HOUR_MS)))
    const { controller, session } = setup(api.fetcher, null)
    expect(session()).toEqual({ status: 'loading' })
    expect(api.gets()).toHaveLength(0)
    controller.connect()
    await flush()
    expect(api.gets()).toHaveLength(1)
    expect(session()).toEqual(signedIn())
  })

  it('a lost initial session (expired): one check on connect, so the route handler clears the cookie', async () => {
    const api = fakeFetcher(() => json({ status: 'unauthenticated', reason: 'missing' }))
    const { controller, session } = setup(api.fetcher, {
      status: 'unauthenticated',
      reason: 'expired',
    })
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
    controller.connect()
    await flush()
    expect(api.gets()).toHaveLength(1)
  })

  it('a valid initial session: no request on connect', async () => {
    const api = fakeFetcher(() => json(signedInUntil(NOW + HOUR_MS)))
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    await flush()
    expect(api.gets()).toHaveLength(0)
    expect(session()).toEqual(signedIn())
  })

  it('connect, disconnect, connect (React StrictMode): the aborted first check is made again', async () => {
    const api = fakeFetcher()
    const { controller } = setup(api.fetcher, null)
    controller.connect()()
    controller.connect()
    expect(api.gets()).toHaveLength(2)
    expect(api.gets()[0]?.signal.aborted).toBe(true)
    expect(api.gets()[1]?.signal.aborted).toBe(false)
  })

  it('a re-render with an equal answer (a new object) keeps what a later check found', async () => {
    const api = fakeFetcher(() => json({ status: 'unauthenticated', reason: 'revoked' }))
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    controller.hydrate(signedInUntil(NOW + HOUR_MS))
    controller.hydrate(null)
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'revoked' })
    expect(api.gets()).toHaveLength(1)
  })
})

describe('one check in flight', () => {
  it('refresh() three times while a check is out makes one request, and all get its answer', async () => {
    const api = fakeFetcher()
    const { controller } = setup(api.fetcher)
    controller.connect()
    const answers = [controller.refresh(), controller.refresh(), controller.refresh()]
    expect(api.gets()).toHaveLength(1)
    api.gets()[0]?.respond(json({ status: 'unauthenticated', reason: 'revoked' }))
    const expected = { status: 'unauthenticated', reason: 'revoked' }
    expect(await Promise.all(answers)).toEqual([expected, expected, expected])
  })

  // Two ways the user signs out while a check is out: its later "authenticated" is stale.
  it.each<[string, (controller: SessionController, api: FakeApi) => Promise<unknown>]>([
    [
      'another tab signed out',
      () => {
        channels.otherTab(CHANNEL).post(SIGNED_OUT_MESSAGE)
        return flush()
      },
    ],
    [
      'a sign-out in this tab',
      (controller, api) => {
        const signOut = controller.signOut()
        api.deletes()[0]?.respond(new Response(null, { status: 204 }))
        return signOut
      },
    ],
  ])('drops an answer that arrives after %s (stale)', async (_how, signOut) => {
    const api = fakeFetcher()
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    const check = controller.refresh()
    await signOut(controller, api)
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    api.gets()[0]?.respond(json(signedInUntil(NOW + HOUR_MS)))
    await check
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  })

  it('hydrate() aborts the check in flight when the layout re-renders, and drops its answer', async () => {
    const api = fakeFetcher()
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    const stale = controller.refresh()
    controller.hydrate({ status: 'unauthenticated', reason: 'revoked' })
    expect(api.gets()[0]?.signal.aborted).toBe(true)
    // The revoked cookie needs the route handler: a fresh request, not the aborted one.
    expect(api.gets()).toHaveLength(2)
    await stale
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'revoked' })
    api.gets()[1]?.respond(json({ status: 'unauthenticated', reason: 'missing' }))
    await flush()
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'missing' })
  })

  it('after hydrate(), refresh() starts a new request instead of joining the aborted one', async () => {
    const api = fakeFetcher()
    const { controller } = setup(api.fetcher)
    controller.connect()
    void controller.refresh()
    controller.hydrate(signedInUntil(NOW + 2 * HOUR_MS))
    void controller.refresh()
    expect(api.gets()).toHaveLength(2)
    expect(api.gets()[0]?.signal.aborted).toBe(true)
    expect(api.gets()[1]?.signal.aborted).toBe(false)
  })

  it('hydrate() with the same session leaves the check in flight alone', () => {
    const api = fakeFetcher()
    const { controller } = setup(api.fetcher)
    controller.connect()
    void controller.refresh()
    controller.hydrate(signedInUntil(NOW + HOUR_MS))
    expect(api.gets()).toHaveLength(1)
    expect(api.gets()[0]?.signal.aborted).toBe(false)
  })
})

describe('throttle', () => {
  it('refreshIfIdle: 20 focus events within the throttle make one request; one more after it', async () => {
    const api = fakeFetcher(() => json(signedInUntil(NOW + HOUR_MS)))
    const { controller } = setup(api.fetcher)
    controller.connect()
    for (let focus = 0; focus < 20; focus++) {
      controller.refreshIfIdle(30_000)
      await vi.advanceTimersByTimeAsync(1_000)
    }
    expect(api.gets()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(10_000)
    controller.refreshIfIdle(30_000)
    expect(api.gets()).toHaveLength(2)
  })
})

describe('retries', () => {
  it('a failing check retries with backoff: after 1 s, 2 s, then 4 s', async () => {
    const api = fakeFetcher(() => json({ error: 'boom' }, { status: 500 }))
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ status: 'authenticated', error: { httpStatus: 500 } })
    const after = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms)
      return api.gets().length
    }
    expect(await after(999)).toBe(1)
    expect(await after(1)).toBe(2)
    expect(await after(1_999)).toBe(2)
    expect(await after(1)).toBe(3)
    expect(await after(3_999)).toBe(3)
    expect(await after(1)).toBe(4)
  })

  it('Retry-After: 0 keeps the backoff (was 581 GETs in 1 s)', async () => {
    const api = fakeFetcher(() => rateLimited('0'))
    const { controller } = setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    await vi.advanceTimersByTimeAsync(RETRY_BASE_MS - 1)
    expect(api.gets()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.gets()).toHaveLength(2)
  })

  it('a Retry-After date in the past keeps the backoff', async () => {
    const api = fakeFetcher(() => rateLimited(new Date(NOW - HOUR_MS).toUTCString()))
    const { controller } = setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    await vi.advanceTimersByTimeAsync(RETRY_BASE_MS - 1)
    expect(api.gets()).toHaveLength(1)
  })

  it("a 429's Retry-After: 5 waits 5 s, not the 1 s backoff", async () => {
    const api = fakeFetcher(() => rateLimited('5'))
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ error: { httpStatus: 429, retryAfterMs: 5_000 } })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(api.gets()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.gets()).toHaveLength(2)
  })

  it("ignores a 500's Retry-After: 3600 (only 429/503 ask to wait); the backoff decides", async () => {
    const api = fakeFetcher(() =>
      json({ error: 'boom' }, { status: 500, headers: { 'Retry-After': '3600' } }),
    )
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ error: { httpStatus: 500 } })
    expect(session()).not.toMatchObject({ error: { retryAfterMs: expect.anything() } })
    await vi.advanceTimersByTimeAsync(RETRY_BASE_MS)
    expect(api.gets()).toHaveLength(2)
  })

  it('a sign-out cancels the pending backoff retry (was: the retry turned signed-out into missing)', async () => {
    // The first check fails (a retry is due in 1 s); from then on the cookie is gone.
    let checks = 0
    const api = fakeFetcher((method) => {
      if (method === 'DELETE') return new Response(null, { status: 204 })
      checks += 1
      return checks === 1
        ? json({ error: 'boom' }, { status: 500 })
        : json({ status: 'unauthenticated', reason: 'missing' })
    })
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ status: 'authenticated', error: { httpStatus: 500 } })
    expect(await controller.signOut()).toEqual({ ok: true })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.gets()).toHaveLength(1)
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  })

  it('stops retrying once disconnected (the provider unmounted)', async () => {
    const api = fakeFetcher(() => json({ error: 'boom' }, { status: 500 }))
    const { controller } = setup(api.fetcher)
    const disconnect = controller.connect()
    await controller.refresh()
    disconnect()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.gets()).toHaveLength(1)
  })
})

describe('expiry timer', () => {
  it('checks once, EXPIRY_GRACE_MS after expiresAt, and not before', async () => {
    const api = fakeFetcher(() => json({ status: 'unauthenticated', reason: 'missing' }))
    const { controller, session } = setup(api.fetcher, signedInUntil(NOW + 60_000))
    controller.connect()
    await vi.advanceTimersByTimeAsync(60_000 + EXPIRY_GRACE_MS - 1)
    expect(api.gets()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.gets()).toHaveLength(1)
    // The browser dropped the cookie at its expiry: the client still calls it an expiry.
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
    await vi.advanceTimersByTimeAsync(HOUR_MS)
    expect(api.gets()).toHaveLength(1)
  })

  it('re-checks every PAST_EXPIRY_RECHECK_MS while the server still says authenticated, then slowly', async () => {
    const expiresAt = NOW + 60_000
    const api = fakeFetcher(() => json(signedInUntil(expiresAt)))
    const { controller } = setup(api.fetcher, signedInUntil(expiresAt))
    controller.connect()
    await vi.advanceTimersByTimeAsync(60_000 + EXPIRY_GRACE_MS)
    expect(api.gets()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(PAST_EXPIRY_RECHECK_MS)
    expect(api.gets()).toHaveLength(2)
    // Fast re-checks until PAST_EXPIRY_FAST_WINDOW_MS past expiresAt; the first one beyond it ...
    const fastChecks = Math.ceil(
      (PAST_EXPIRY_FAST_WINDOW_MS - EXPIRY_GRACE_MS) / PAST_EXPIRY_RECHECK_MS,
    )
    await vi.advanceTimersByTimeAsync((fastChecks - 1) * PAST_EXPIRY_RECHECK_MS)
    expect(api.gets()).toHaveLength(fastChecks + 1)
    // ... finds the server's clock simply behind ours: from then on every 30 s, not every 2 s.
    await vi.advanceTimersByTimeAsync(PAST_EXPIRY_SLOW_RECHECK_MS - 1)
    expect(api.gets()).toHaveLength(fastChecks + 1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.gets()).toHaveLength(fastChecks + 2)
  })

  it('disconnect() cancels the pending expiry check (was: a request and a store write after unmount)', async () => {
    const api = fakeFetcher(() => json({ status: 'unauthenticated', reason: 'missing' }))
    const { controller, session } = setup(api.fetcher, signedInUntil(NOW + 60_000))
    const disconnect = controller.connect()
    disconnect()
    await vi.advanceTimersByTimeAsync(HOUR_MS)
    expect(api.gets()).toHaveLength(0)
    expect(session()).toEqual({ status: 'authenticated', user: alice, expiresAt: NOW + 60_000 })
  })

  it('is not scheduled before connect() (no timers for a provider that never mounted)', async () => {
    const api = fakeFetcher(() => json(signedInUntil(NOW + HOUR_MS)))
    const { controller } = setup(api.fetcher, signedInUntil(NOW + 1_000))
    controller.hydrate(signedInUntil(NOW + 2_000))
    await vi.advanceTimersByTimeAsync(HOUR_MS)
    expect(api.gets()).toHaveLength(0)
  })
})

describe('sign-out and other tabs', () => {
  it('a sign-out tells every other tab on the open channel', async () => {
    const api = fakeFetcher(() => new Response(null, { status: 204 }))
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    const otherTab = channels.otherTab(CHANNEL)
    expect(await controller.signOut()).toEqual({ ok: true })
    await flush()
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    expect(otherTab.heard()).toEqual([SIGNED_OUT_MESSAGE])
  })

  it('a sign-out that ends after the provider unmounted still tells the other tabs', async () => {
    const api = fakeFetcher()
    const { controller } = setup(api.fetcher)
    const disconnect = controller.connect()
    const otherTab = channels.otherTab(CHANNEL)
    const signOut = controller.signOut()
    disconnect() // e.g. the sign-out button's page was left before the DELETE answered
    api.deletes()[0]?.respond(new Response(null, { status: 204 }))
    expect(await signOut).toEqual({ ok: true })
    await flush()
    expect(otherTab.heard()).toEqual([SIGNED_OUT_MESSAGE])
    // The channel opened for that one message was closed again: only the other tab's is open.
    expect(channels.openCount()).toBe(1)
  })

  it('a failed sign-out tells no tab and keeps the user, with the error', async () => {
    const api = fakeFetcher(() => json({ error: 'boom' }, { status: 500 }))
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    const otherTab = channels.otherTab(CHANNEL)
    expect(await controller.signOut()).toMatchObject({ ok: false, error: { httpStatus: 500 } })
    await flush()
    expect(session()).toMatchObject({ status: 'authenticated', error: { httpStatus: 500 } })
    expect(otherTab.heard()).toEqual([])
    expect(channels.posted()).toEqual([])
  })

  it('ignores messages on the channel that are not a sign-out ({ type: "hello" }, "signed-out")', async () => {
    const api = fakeFetcher()
    const { controller, session } = setup(api.fetcher)
    controller.connect()
    const otherTab = channels.otherTab(CHANNEL)
    otherTab.post({ type: 'hello' })
    otherTab.post('signed-out')
    await flush()
    expect(session()).toEqual(signedIn())
  })
})
