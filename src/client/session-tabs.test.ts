import { describe, expect, it, vi } from 'vitest'
import type { SessionPayload, SessionUser } from '../shared/types'
import {
  alice,
  CHANNEL,
  fakeFetcher,
  fakeTimeAndTabs,
  flush,
  HOUR_MS,
  json,
  NOW,
  setup,
  signedInUntil,
  signedOut,
} from './controller-fakes.test.support'
import { EXPIRY_MARGIN_MS } from './expiry-timing'
import { SIGN_OUT_MARGIN_MS } from './server-clock'
import { parseSessionMessage, signedOutMessage } from './session-channel'

const bob: SessionUser = { ...alice, id: 'user_bob', name: 'Bob Stone', email: 'bob@example.com' }

const channels = fakeTimeAndTabs()

/** bob signed in until `expiresAt`, as the server answers now. */
const signedInAsBob = (expiresAt: number): SessionPayload => ({
  status: 'authenticated',
  user: bob,
  expiresAt: new Date(expiresAt).toISOString(),
  serverTime: new Date(Date.now()).toISOString(),
})

/**
 * `count` tabs of one app, each connected with its own server double and the same layout answer;
 * the server answers a GET with `serverSays()` (default: the cookie is gone) and a DELETE with 204.
 */
async function openTabs(
  count: number,
  initial: SessionPayload = signedInUntil(NOW + HOUR_MS),
  serverSays: () => SessionPayload = () => signedOut('missing'),
) {
  const tabs = Array.from({ length: count }, () => {
    const api = fakeFetcher((method) =>
      method === 'DELETE' ? new Response(null, { status: 204 }) : json(serverSays()),
    )
    return { api, ...setup(api.fetcher, initial) }
  })
  for (const tab of tabs) tab.controller.connect()
  await flush() // each tab told the others its page's answer: equal, so nothing changes
  return tabs
}

type Tab = Awaited<ReturnType<typeof openTabs>>[number]
const requests = (tabs: Tab[]) =>
  tabs.map((tab) => tab.api.gets().length + tab.api.deletes().length)
/** What a tab tells the others after an answer from the server changed its session. */
const news = (payload: SessionPayload, receivedAt = Date.now()) => ({
  type: 'session',
  payload,
  receivedAt,
})

describe('every change reaches the other tabs, with no request of their own', () => {
  it('sign-out in one of 5 tabs: 1,0,0,0,0 requests, and every tab is signed out', async () => {
    const tabs = await openTabs(5)
    expect(await tabs[0]?.controller.signOut()).toEqual({ ok: true })
    await flush()
    expect(requests(tabs)).toEqual([1, 0, 0, 0, 0])
    for (const tab of tabs) {
      expect(tab.session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    }
  })

  it('a sign-in in one tab (the layout re-renders signed in) signs the others in: 0,0,0 requests', async () => {
    const tabs = await openTabs(3, signedOut('missing'))
    vi.advanceTimersByTime(5_000)
    tabs[0]?.controller.hydrate(signedInUntil(Date.now() + HOUR_MS))
    await flush()
    expect(requests(tabs)).toEqual([0, 0, 0])
    for (const tab of tabs) {
      expect(tab.session()).toEqual({
        status: 'authenticated',
        user: alice,
        expiresAt: NOW + 5_000 + HOUR_MS,
      })
    }
  })

  it('a page loaded signed in (a sign-in that loaded it) signs in the tabs already open', async () => {
    const [open] = await openTabs(1, signedOut('missing'))
    vi.advanceTimersByTime(5_000)
    const api = fakeFetcher()
    const loaded = setup(api.fetcher, signedInUntil(Date.now() + HOUR_MS))
    loaded.controller.connect()
    await flush()
    expect(open?.session()).toMatchObject({ status: 'authenticated', user: alice })
    expect(open?.api.gets()).toHaveLength(0)
  })

  it("a renewal seen by one tab moves the others' expiry check to the new expiresAt (none at the old one)", async () => {
    const renewedUntil = NOW + 2 * HOUR_MS
    const [first, second] = await openTabs(2, signedInUntil(NOW + HOUR_MS), () =>
      signedInUntil(renewedUntil),
    )
    await first?.controller.refresh()
    await flush()
    expect(second?.session()).toMatchObject({ status: 'authenticated', expiresAt: renewedUntil })
    await vi.advanceTimersByTimeAsync(HOUR_MS + EXPIRY_MARGIN_MS)
    expect(second?.api.gets()).toHaveLength(0) // the old deadline passed without a check
    await vi.advanceTimersByTimeAsync(HOUR_MS)
    expect(second?.api.gets()).toHaveLength(1) // the new one did
  })

  it('a changed user seen by one tab shows in the others', async () => {
    const [first, second] = await openTabs(2, signedInUntil(NOW + HOUR_MS), () =>
      signedInAsBob(NOW + HOUR_MS),
    )
    await first?.controller.refresh()
    await flush()
    expect(second?.session()).toMatchObject({ status: 'authenticated', user: bob })
    expect(second?.api.gets()).toHaveLength(0)
  })

  it('a revocation seen by one tab is a loss in the others too (their own toast), without a request', async () => {
    const [first, second] = await openTabs(2, signedInUntil(NOW + HOUR_MS), () =>
      signedOut('revoked'),
    )
    await first?.controller.refresh()
    await flush()
    expect(second?.session()).toEqual({ status: 'unauthenticated', reason: 'revoked' })
    expect(second?.api.gets()).toHaveLength(0)
  })

  it('an expiry seen by one tab (the cookie went missing at the end) is an expiry in the others', async () => {
    const [first, second] = await openTabs(2, signedInUntil(NOW + 60_000))
    // The browser dropped the cookie at the end; the first tab asks before the others' timers.
    vi.setSystemTime(NOW + 60_000)
    await first?.controller.refresh()
    await flush()
    expect(second?.session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
  })
})

describe('what a tab hears: checked, ordered, never echoed', () => {
  it("a tab that applies another tab's news tells nobody (no echo)", async () => {
    const [tab] = await openTabs(1)
    const before = channels().posted().length
    channels()
      .otherTab(CHANNEL)
      .post(news(signedInAsBob(NOW + HOUR_MS)))
    await flush()
    expect(tab?.session()).toMatchObject({ user: bob })
    expect(channels().posted()).toHaveLength(before + 1) // the other tab's message only
  })

  it('drops a message older than the state it has: a late "authenticated" does not undo a sign-out', async () => {
    const [tab] = await openTabs(1)
    await tab?.controller.signOut()
    // Another tab's check, answered by the server just before the DELETE, arrives after it.
    channels()
      .otherTab(CHANNEL)
      .post(news(signedInUntil(NOW + HOUR_MS, NOW - 10)))
    await flush()
    expect(tab?.session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  })

  it('drops an older renewal after a newer one, whatever order they arrive in', async () => {
    const [tab] = await openTabs(1)
    const otherTab = channels().otherTab(CHANNEL)
    otherTab.post(news(signedInUntil(NOW + 3 * HOUR_MS, NOW + 2_000)))
    otherTab.post(news(signedInUntil(NOW + 2 * HOUR_MS, NOW + 1_000)))
    await flush()
    expect(tab?.session()).toMatchObject({ expiresAt: NOW + 3 * HOUR_MS })
  })

  it('a sign-in after a sign-out (later on the server clock) signs the tab in again', async () => {
    const [tab] = await openTabs(1)
    await tab?.controller.signOut()
    vi.advanceTimersByTime(SIGN_OUT_MARGIN_MS + 60_000) // a person signing in again takes a while
    channels()
      .otherTab(CHANNEL)
      .post(news(signedInUntil(Date.now() + HOUR_MS)))
    await flush()
    expect(tab?.session()).toMatchObject({ status: 'authenticated', user: alice })
  })

  it('a receivedAt from the future counts from now: the expiry check is never pushed past the session', async () => {
    const [tab] = await openTabs(1, signedOut('missing'))
    const payload = signedInUntil(NOW + 60_000)
    channels()
      .otherTab(CHANNEL)
      .post(news(payload, NOW + HOUR_MS))
    await flush()
    await vi.advanceTimersByTimeAsync(60_000 + EXPIRY_MARGIN_MS)
    expect(tab?.api.gets()).toHaveLength(1)
  })

  it.each<[string, unknown]>([
    ['a string', 'signed-out'],
    ['an unknown type', { type: 'hello' }],
    ['a sign-out without its time (an older version of the app)', { type: 'signed-out' }],
    ['a sign-out with a time that is no instant', { type: 'signed-out', at: 'soon' }],
    [
      'a payload without serverTime',
      news({ status: 'unauthenticated', reason: 'revoked' } as SessionPayload),
    ],
    [
      'a payload with a user without an id',
      { ...news(signedInUntil(NOW + HOUR_MS)), payload: { ...signedInAsBob(NOW), user: {} } },
    ],
    [
      'a payload with an unknown reason',
      { ...news(signedOut('missing')), payload: { ...signedOut('missing'), reason: 'bored' } },
    ],
    ['no receivedAt', { type: 'session', payload: signedInUntil(NOW + HOUR_MS) }],
    ['receivedAt not a number', { ...news(signedInUntil(NOW + HOUR_MS)), receivedAt: 'now' }],
  ])('ignores %s, as the schema refuses such a response body', async (_name, message) => {
    expect(parseSessionMessage(message)).toBeNull()
    const [tab] = await openTabs(1)
    channels().otherTab(CHANNEL).post(message)
    await flush()
    expect(tab?.session()).toMatchObject({ status: 'authenticated', user: alice })
  })

  it('parses what a tab sends: a sign-out with its server time, an answer with its arrival', () => {
    expect(parseSessionMessage(signedOutMessage(NOW))).toEqual({
      type: 'signed-out',
      at: new Date(NOW).toISOString(),
    })
    const message = news(signedOut('revoked'), NOW)
    expect(parseSessionMessage(JSON.parse(JSON.stringify(message)))).toEqual(message)
  })
})
