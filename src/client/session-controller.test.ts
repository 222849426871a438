import { beforeEach, describe, expect, it, vi } from 'vitest'
import { EXPIRY_MARGIN_MS, PAST_EXPIRY_RECHECK_MS } from './expiry-timing'
import type { SessionPayload, UnauthenticatedReason } from '../shared/types'
import * as fake from './controller-fakes.test.support'
import type { FakeApi } from './controller-fakes.test.support'
import { SIGN_OUT_MARGIN_MS } from './server-clock'
import { signedOutMessage } from './session-channel'
import type { SessionController } from './session-context'
import { checkOnReturn } from './use-session-revalidation'

const channels = fake.fakeTimeAndTabs()

describe("created with the layout's answer: one hydrate path for mount and re-render", () => {
  it('no initial session: loading, and one check once connected (none before)', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    const { controller, session } = fake.setup(api.fetcher, null)
    expect(session()).toEqual({ status: 'loading' })
    expect(api.gets()).toHaveLength(0)
    controller.connect()
    await fake.flush()
    expect(api.gets()).toHaveLength(1)
    expect(session()).toEqual(fake.signedIn())
  })

  it('a lost initial session (expired): one check on connect, so the route handler clears the cookie', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedOut('missing')))
    const { controller, session } = fake.setup(api.fetcher, fake.signedOut('expired'))
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
    controller.connect()
    await fake.flush()
    expect(api.gets()).toHaveLength(1)
  })

  it('an initialSession without serverTime (a stale server, a JavaScript caller): a TypeError that names the prop', () => {
    const { serverTime: _dropped, ...stale } = fake.signedInUntil(fake.NOW + fake.HOUR_MS)
    const api = fake.fakeFetcher()
    expect(() => fake.setup(api.fetcher, stale as SessionPayload)).toThrow(
      /^SessionProvider initialSession: .*serverTime/,
    )
  })

  it('a valid initial session: no request on connect', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await fake.flush()
    expect(api.gets()).toHaveLength(0)
    expect(session()).toEqual(fake.signedIn())
  })

  it('connect, disconnect, connect (React StrictMode): the aborted first check is made again', async () => {
    const api = fake.fakeFetcher()
    const { controller } = fake.setup(api.fetcher, null)
    controller.connect()()
    controller.connect()
    expect(api.gets()).toHaveLength(2)
    expect(api.gets()[0]?.signal.aborted).toBe(true)
    expect(api.gets()[1]?.signal.aborted).toBe(false)
  })

  it('a re-render with an equal answer (a new object) keeps what a later check found', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedOut('revoked')))
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    controller.hydrate(fake.signedInUntil(fake.NOW + fake.HOUR_MS))
    controller.hydrate(null)
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'revoked' })
    expect(api.gets()).toHaveLength(1)
  })
})

describe('one check in flight', () => {
  it('refresh() three times while a check is out makes one request, and all get its answer', async () => {
    const api = fake.fakeFetcher()
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    const answers = [controller.refresh(), controller.refresh(), controller.refresh()]
    expect(api.gets()).toHaveLength(1)
    api.gets()[0]?.respond(fake.json(fake.signedOut('revoked')))
    const expected = { status: 'unauthenticated', reason: 'revoked' }
    expect(await Promise.all(answers)).toEqual([expected, expected, expected])
  })

  // Two ways the user signs out while a check is out: its later "authenticated" is stale.
  it.each<[string, (controller: SessionController, api: FakeApi) => Promise<unknown>]>([
    [
      'another tab signed out',
      () => {
        channels().otherTab(fake.CHANNEL).post(signedOutMessage(Date.now()))
        return fake.flush()
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
    const api = fake.fakeFetcher()
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    const check = controller.refresh()
    await signOut(controller, api)
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    api.gets()[0]?.respond(fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    await check
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  })

  it('hydrate() aborts the check in flight when the layout re-renders, and drops its answer', async () => {
    const api = fake.fakeFetcher()
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    const stale = controller.refresh()
    controller.hydrate(fake.signedOut('revoked'))
    expect(api.gets()[0]?.signal.aborted).toBe(true)
    // The revoked cookie needs the route handler: a fresh request, not the aborted one.
    expect(api.gets()).toHaveLength(2)
    await stale
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'revoked' })
    api.gets()[1]?.respond(fake.json(fake.signedOut('missing')))
    await fake.flush()
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'missing' })
  })

  it('after hydrate(), refresh() starts a new request instead of joining the aborted one', async () => {
    const api = fake.fakeFetcher()
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    void controller.refresh()
    controller.hydrate(fake.signedInUntil(fake.NOW + 2 * fake.HOUR_MS))
    void controller.refresh()
    expect(api.gets()).toHaveLength(2)
    expect(api.gets()[0]?.signal.aborted).toBe(true)
    expect(api.gets()[1]?.signal.aborted).toBe(false)
  })

  it('hydrate() with the same session leaves the check in flight alone', () => {
    const api = fake.fakeFetcher()
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    void controller.refresh()
    controller.hydrate(fake.signedInUntil(fake.NOW + fake.HOUR_MS))
    expect(api.gets()).toHaveLength(1)
    expect(api.gets()[0]?.signal.aborted).toBe(false)
  })
})

describe('throttle', () => {
  it('refreshIfIdle: 20 focus events within the throttle make one request; one more after it', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    const { controller } = fake.setup(api.fetcher)
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
    const api = fake.fakeFetcher(() => fake.json({ error: 'boom' }, { status: 500 }))
    const { controller, session } = fake.setup(api.fetcher)
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
    const api = fake.fakeFetcher(() => fake.rateLimited('0'))
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    await vi.advanceTimersByTimeAsync(fake.RETRY_BASE_MS - 1)
    expect(api.gets()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.gets()).toHaveLength(2)
  })

  it('a Retry-After date in the past keeps the backoff', async () => {
    const api = fake.fakeFetcher(() =>
      fake.rateLimited(new Date(fake.NOW - fake.HOUR_MS).toUTCString()),
    )
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    await vi.advanceTimersByTimeAsync(fake.RETRY_BASE_MS - 1)
    expect(api.gets()).toHaveLength(1)
  })

  it("a 429's Retry-After: 5 waits 5 s, not the 1 s backoff", async () => {
    const api = fake.fakeFetcher(() => fake.rateLimited('5'))
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ error: { httpStatus: 429, retryAfterMs: 5_000 } })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(api.gets()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.gets()).toHaveLength(2)
  })

  it("ignores a 500's Retry-After: 3600 (only 429/503 ask to wait); the backoff decides", async () => {
    const api = fake.fakeFetcher(() =>
      fake.json({ error: 'boom' }, { status: 500, headers: { 'Retry-After': '3600' } }),
    )
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ error: { httpStatus: 500 } })
    expect(session()).not.toMatchObject({ error: { retryAfterMs: expect.anything() } })
    await vi.advanceTimersByTimeAsync(fake.RETRY_BASE_MS)
    expect(api.gets()).toHaveLength(2)
  })

  it('a sign-out cancels the pending backoff retry (was: the retry turned signed-out into missing)', async () => {
    // The first check fails (a retry is due in 1 s); from then on the cookie is gone.
    let checks = 0
    const api = fake.fakeFetcher((method) => {
      if (method === 'DELETE') return new Response(null, { status: 204 })
      checks += 1
      return checks === 1
        ? fake.json({ error: 'boom' }, { status: 500 })
        : fake.json(fake.signedOut('missing'))
    })
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ status: 'authenticated', error: { httpStatus: 500 } })
    expect(await controller.signOut()).toEqual({ ok: true })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.gets()).toHaveLength(1)
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  })

  it('stops retrying once disconnected (the provider unmounted)', async () => {
    const api = fake.fakeFetcher(() => fake.json({ error: 'boom' }, { status: 500 }))
    const { controller } = fake.setup(api.fetcher)
    const disconnect = controller.connect()
    await controller.refresh()
    disconnect()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.gets()).toHaveLength(1)
  })
})

/** Client clock offsets from the server's, in ms: 8 s behind, none, 8 s ahead. */
const SKEWS_MS = [-8_000, 0, 8_000]

/**
 * A server whose clock is `skewMs` behind the client's: signed in until `expiresAt` (its clock),
 * then `after` (the browser dropped the cookie: `missing`; or it saw the token expire). `askedAt`
 * logs each GET on the server's clock.
 */
function skewedServer(skewMs: number, expiresAt: number, after: UnauthenticatedReason) {
  const serverNow = () => Date.now() - skewMs
  const askedAt: number[] = []
  const api = fake.fakeFetcher(() => {
    const now = serverNow()
    askedAt.push(now)
    return fake.json(
      now < expiresAt ? fake.signedInUntil(expiresAt, now) : fake.signedOut(after, now),
    )
  })
  return { api, serverNow, askedAt }
}

describe('expiry timer', () => {
  it.each(
    SKEWS_MS.flatMap((skewMs) => [[skewMs, 'missing'] as const, [skewMs, 'expired'] as const]),
  )(
    'client clock %i ms off: one check, EXPIRY_MARGIN_MS after expiresAt on the server clock, and a toast (server says %s)',
    async (skewMs, after) => {
      const expiresAt = fake.NOW + 60_000 // server clock
      vi.setSystemTime(fake.NOW + skewMs)
      const server = skewedServer(skewMs, expiresAt, after)
      const { controller, session } = fake.setup(server.api.fetcher, null)
      controller.connect()
      await fake.flush() // the first check: signed in, and the server's time with it
      expect(session()).toMatchObject({ status: 'authenticated' })
      await vi.advanceTimersByTimeAsync(fake.HOUR_MS)
      expect(server.askedAt).toEqual([fake.NOW, expiresAt + EXPIRY_MARGIN_MS])
      // `missing` too: the cookie went at the end of the session, by the server's clock.
      expect(session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
    },
  )

  it.each(SKEWS_MS)(
    "initialSession, client clock %i ms off: the deadline counts from the HTML's arrival (responseStart), not from hydration",
    async (skewMs) => {
      const expiresAt = fake.NOW + 60_000
      vi.setSystemTime(fake.NOW + skewMs)
      const server = skewedServer(skewMs, expiresAt, 'missing')
      const initial = fake.signedInUntil(expiresAt, server.serverNow()) // rendered into the HTML
      await vi.advanceTimersByTimeAsync(20)
      const responseStart = Date.now() // the HTML arrives 20 ms later ...
      await vi.advanceTimersByTimeAsync(500) // ... and React hydrates 500 ms after that
      const { controller, session } = fake.setup(server.api.fetcher, initial, responseStart)
      controller.connect()
      await vi.advanceTimersByTimeAsync(fake.HOUR_MS)
      expect(server.askedAt).toEqual([expiresAt + 20 + EXPIRY_MARGIN_MS])
      expect(session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
    },
  )

  it('an instance whose clock is a little behind still says authenticated: one more check, at its expiresAt', async () => {
    const expiresAt = fake.NOW + 60_000
    const behindMs = 300
    const askedAt: number[] = []
    const api = fake.fakeFetcher(() => {
      const now = Date.now() - (askedAt.length === 0 ? behindMs : 0) // the first check: instance B
      askedAt.push(now)
      return fake.json(
        now < expiresAt ? fake.signedInUntil(expiresAt, now) : fake.signedOut('missing', now),
      )
    })
    const { controller, session } = fake.setup(api.fetcher, fake.signedInUntil(expiresAt))
    controller.connect()
    await vi.advanceTimersByTimeAsync(fake.HOUR_MS)
    // On each answering instance's clock: B's at the deadline, then A's once B's time is up too.
    expect(askedAt).toEqual([
      expiresAt + EXPIRY_MARGIN_MS - behindMs,
      expiresAt + behindMs + EXPIRY_MARGIN_MS,
    ])
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
  })

  it('a server that accepts the token past expiresAt (a clock tolerance) is asked again ever more slowly, not polled', async () => {
    const expiresAt = fake.NOW + 60_000
    const askedAt: number[] = []
    const api = fake.fakeFetcher(() => {
      askedAt.push(Date.now())
      return fake.json(fake.signedInUntil(expiresAt))
    })
    const { controller, session } = fake.setup(api.fetcher, fake.signedInUntil(expiresAt))
    controller.connect()
    await vi.advanceTimersByTimeAsync(60_000 + 60_000)
    // At the deadline, then PAST_EXPIRY_RECHECK_MS later, then after as long as it has been past.
    const first = EXPIRY_MARGIN_MS
    const second = first + PAST_EXPIRY_RECHECK_MS
    expect(askedAt.map((at) => at - expiresAt)).toEqual([
      first,
      second,
      2 * second,
      4 * second,
      8 * second,
      16 * second,
    ])
    expect(session()).toMatchObject({ status: 'authenticated' })
  })

  it('disconnect() cancels the pending expiry check (was: a request and a store write after unmount)', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedOut('missing')))
    const { controller, session } = fake.setup(api.fetcher, fake.signedInUntil(fake.NOW + 60_000))
    const disconnect = controller.connect()
    disconnect()
    await vi.advanceTimersByTimeAsync(fake.HOUR_MS)
    expect(api.gets()).toHaveLength(0)
    expect(session()).toEqual({
      status: 'authenticated',
      user: fake.alice,
      expiresAt: fake.NOW + 60_000,
    })
  })

  it('is not scheduled before connect() (no timers for a provider that never mounted)', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    const { controller } = fake.setup(api.fetcher, fake.signedInUntil(fake.NOW + 1_000))
    controller.hydrate(fake.signedInUntil(fake.NOW + 2_000))
    await vi.advanceTimersByTimeAsync(fake.HOUR_MS)
    expect(api.gets()).toHaveLength(0)
  })
})

describe('back/forward cache restore', () => {
  const pageShow = (persisted: boolean) => Object.assign(new Event('pageshow'), { persisted })

  beforeEach(() => {
    vi.stubGlobal('window', new EventTarget())
  })

  it('a page restored from the back/forward cache checks once; a normal pageshow does not', async () => {
    const api = fake.fakeFetcher(() => fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    const stop = checkOnReturn(controller)
    window.dispatchEvent(pageShow(false)) // a fresh load: the layout's answer is new
    await fake.flush()
    expect(api.gets()).toHaveLength(0)
    window.dispatchEvent(pageShow(true))
    await fake.flush()
    expect(api.gets()).toHaveLength(1)
    stop()
    window.dispatchEvent(pageShow(true))
    await fake.flush()
    expect(api.gets()).toHaveLength(1)
  })

  it('restored as the deadline passes: the expiry timer and pageshow share one request', async () => {
    const expiresAt = fake.NOW + 60_000
    const api = fake.fakeFetcher()
    const { controller, session } = fake.setup(api.fetcher, fake.signedInUntil(expiresAt))
    controller.connect()
    checkOnReturn(controller)
    await vi.advanceTimersByTimeAsync(60_000 + EXPIRY_MARGIN_MS)
    window.dispatchEvent(pageShow(true))
    expect(api.gets()).toHaveLength(1)
    api.gets()[0]?.respond(fake.json(fake.signedOut('missing')))
    await fake.flush()
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
  })
})

describe('sign-out and other tabs', () => {
  it.each<[string, () => Response]>([
    ['204', () => new Response(null, { status: 204 })],
    // The cookie is cleared, the revocation waits for the store (session-sign-out.test.ts).
    ['503', () => fake.json({ error: 'Session store unavailable' }, { status: 503 })],
  ])(
    'a sign-out answered %s signs out and tells every other tab on the open channel, once',
    async (_status, answer) => {
      const api = fake.fakeFetcher(answer)
      const { controller, session } = fake.setup(api.fetcher)
      controller.connect()
      const otherTab = channels().otherTab(fake.CHANNEL)
      expect(await controller.signOut()).toEqual({ ok: true })
      await fake.flush()
      expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
      expect(otherTab.heard()).toEqual([signedOutMessage(fake.NOW + SIGN_OUT_MARGIN_MS)])
    },
  )

  it('a sign-out that ends after the provider unmounted still tells the other tabs', async () => {
    const api = fake.fakeFetcher()
    const { controller } = fake.setup(api.fetcher)
    const disconnect = controller.connect()
    const otherTab = channels().otherTab(fake.CHANNEL)
    const signOut = controller.signOut()
    disconnect() // e.g. the sign-out button's page was left before the DELETE answered
    api.deletes()[0]?.respond(new Response(null, { status: 204 }))
    expect(await signOut).toEqual({ ok: true })
    await fake.flush()
    expect(otherTab.heard()).toEqual([signedOutMessage(fake.NOW + SIGN_OUT_MARGIN_MS)])
    // The channel opened for that one message was closed again: only the other tab's is open.
    expect(channels().openCount()).toBe(1)
  })

  it('a failed sign-out tells no tab and keeps the user, with the error', async () => {
    const api = fake.fakeFetcher(() => fake.json({ error: 'boom' }, { status: 500 }))
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    const otherTab = channels().otherTab(fake.CHANNEL)
    expect(await controller.signOut()).toMatchObject({ ok: false, error: { httpStatus: 500 } })
    await fake.flush()
    expect(session()).toMatchObject({ status: 'authenticated', error: { httpStatus: 500 } })
    expect(otherTab.heard()).toEqual([])
    // Only what connect() told the tabs about this page's session: nothing about a sign-out.
    expect(
      channels()
        .posted()
        .map(({ data }) => data),
    ).toEqual([expect.objectContaining({ type: 'session' })])
  })

  it('ignores messages on the channel that are not a sign-out ({ type: "hello" }, "signed-out")', async () => {
    const api = fake.fakeFetcher()
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    const otherTab = channels().otherTab(fake.CHANNEL)
    otherTab.post({ type: 'hello' })
    otherTab.post('signed-out')
    await fake.flush()
    expect(session()).toEqual(fake.signedIn())
  })
})
