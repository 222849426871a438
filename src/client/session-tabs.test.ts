import { describe, expect, it, vi } from 'vitest'
import type { SessionPayload, SessionUser } from '../shared/types'
import * as fake from './controller-fakes.test.support'
import { EXPIRY_MARGIN_MS } from './expiry-timing'
import { SIGN_OUT_MARGIN_MS } from './server-clock'
import { parseSessionMessage, signedOutMessage } from './session-channel'

const bob: SessionUser = {
  ...fake.alice,
  id: 'user_bob',
  name: 'Bob Stone',
  email: 'bob@example.com',
}

const channels = fake.fakeTimeAndTabs()

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
  initial: SessionPayload = fake.signedInUntil(fake.NOW + fake.HOUR_MS),
  serverSays: () => SessionPayload = () => fake.signedOut('missing'),
) {
  const tabs = Array.from({ length: count }, () => {
    const api = fake.fakeFetcher((method) =>
      method === 'DELETE' ? new Response(null, { status: 204 }) : fake.json(serverSays()),
    )
    return { api, ...fake.setup(api.fetcher, initial) }
  })
  for (const tab of tabs) tab.controller.connect()
  await fake.flush() // each tab told the others its page's answer: equal, so nothing changes
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
    await fake.flush()
    expect(requests(tabs)).toEqual([1, 0, 0, 0, 0])
    for (const tab of tabs) {
      expect(tab.session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    }
  })

  it('a sign-in in one tab (the layout re-renders signed in) signs the others in: 0,0,0 requests', async () => {
    const tabs = await openTabs(3, fake.signedOut('missing'))
    vi.advanceTimersByTime(5_000)
    tabs[0]?.controller.hydrate(fake.signedInUntil(Date.now() + fake.HOUR_MS))
    await fake.flush()
    expect(requests(tabs)).toEqual([0, 0, 0])
    for (const tab of tabs) {
      expect(tab.session()).toEqual({
        status: 'authenticated',
        user: fake.alice,
        expiresAt: fake.NOW + 5_000 + fake.HOUR_MS,
      })
    }
  })

  it('a page loaded signed in (a sign-in that loaded it) signs in the tabs already open', async () => {
    const [open] = await openTabs(1, fake.signedOut('missing'))
    vi.advanceTimersByTime(5_000)
    const api = fake.fakeFetcher()
    const loaded = fake.setup(api.fetcher, fake.signedInUntil(Date.now() + fake.HOUR_MS))
    loaded.controller.connect()
    await fake.flush()
    expect(open?.session()).toMatchObject({ status: 'authenticated', user: fake.alice })
    expect(open?.api.gets()).toHaveLength(0)
  })

  it("a renewal seen by one tab moves the others' expiry check to the new expiresAt (none at the old one)", async () => {
    const renewedUntil = fake.NOW + 2 * fake.HOUR_MS
    const [first, second] = await openTabs(2, fake.signedInUntil(fake.NOW + fake.HOUR_MS), () =>
      fake.signedInUntil(renewedUntil),
    )
    await first?.controller.refresh()
    await fake.flush()
    expect(second?.session()).toMatchObject({ status: 'authenticated', expiresAt: renewedUntil })
    await vi.advanceTimersByTimeAsync(fake.HOUR_MS + EXPIRY_MARGIN_MS)
    expect(second?.api.gets()).toHaveLength(0) // the old deadline passed without a check
    await vi.advanceTimersByTimeAsync(fake.HOUR_MS)
    expect(second?.api.gets()).toHaveLength(1) // the new one did
  })

  it('a changed user seen by one tab shows in the others', async () => {
    const [first, second] = await openTabs(2, fake.signedInUntil(fake.NOW + fake.HOUR_MS), () =>
      signedInAsBob(fake.NOW + fake.HOUR_MS),
    )
    await first?.controller.refresh()
    await fake.flush()
    expect(second?.session()).toMatchObject({ status: 'authenticated', user: bob })
    expect(second?.api.gets()).toHaveLength(0)
  })

  it('a revocation seen by one tab is a loss in the others too (their own toast), without a request', async () => {
    const [first, second] = await openTabs(2, fake.signedInUntil(fake.NOW + fake.HOUR_MS), () =>
      fake.signedOut('revoked'),
    )
    await first?.controller.refresh()
    await fake.flush()
    expect(second?.session()).toEqual({ status: 'unauthenticated', reason: 'revoked' })
    expect(second?.api.gets()).toHaveLength(0)
  })

  it('an expiry seen by one tab (the cookie went missing at the end) is an expiry in the others', async () => {
    const [first, second] = await openTabs(2, fake.signedInUntil(fake.NOW + 60_000))
    // The browser dropped the cookie at the end; the first tab asks before the others' timers.
    vi.setSystemTime(fake.NOW + 60_000)
    await first?.controller.refresh()
    await fake.flush()
    expect(second?.session()).toEqual({ status: 'unauthenticated', reason: 'expired' })
  })
})

describe('what a tab hears: checked, ordered, never echoed', () => {
  it("a tab that applies another tab's news tells nobody (no echo)", async () => {
    const [tab] = await openTabs(1)
    const before = channels().posted().length
    channels()
      .otherTab(fake.CHANNEL)
      .post(news(signedInAsBob(fake.NOW + fake.HOUR_MS)))
    await fake.flush()
    expect(tab?.session()).toMatchObject({ user: bob })
    expect(channels().posted()).toHaveLength(before + 1) // the other tab's message only
  })

  it('drops a message older than the state it has: a late "authenticated" does not undo a sign-out', async () => {
    const [tab] = await openTabs(1)
    await tab?.controller.signOut()
    // Another tab's check, answered by the server just before the DELETE, arrives after it.
    channels()
      .otherTab(fake.CHANNEL)
      .post(news(fake.signedInUntil(fake.NOW + fake.HOUR_MS, fake.NOW - 10)))
    await fake.flush()
    expect(tab?.session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  })

  it('drops an older renewal after a newer one, whatever order they arrive in', async () => {
    const [tab] = await openTabs(1)
    const otherTab = channels().otherTab(fake.CHANNEL)
    otherTab.post(news(fake.signedInUntil(fake.NOW + 3 * fake.HOUR_MS, fake.NOW + 2_000)))
    otherTab.post(news(fake.signedInUntil(fake.NOW + 2 * fake.HOUR_MS, fake.NOW + 1_000)))
    await fake.flush()
    expect(tab?.session()).toMatchObject({ expiresAt: fake.NOW + 3 * fake.HOUR_MS })
  })

  it('a sign-in after a sign-out (later on the server clock) signs the tab in again', async () => {
    const [tab] = await openTabs(1)
    await tab?.controller.signOut()
    vi.advanceTimersByTime(SIGN_OUT_MARGIN_MS + 60_000) // a person signing in again takes a while
    channels()
      .otherTab(fake.CHANNEL)
      .post(news(fake.signedInUntil(Date.now() + fake.HOUR_MS)))
    await fake.flush()
    expect(tab?.session()).toMatchObject({ status: 'authenticated', user: fake.alice })
  })

  it('a receivedAt from the future counts from now: the expiry check is never pushed past the session', async () => {
    const [tab] = await openTabs(1, fake.signedOut('missing'))
    const payload = fake.signedInUntil(fake.NOW + 60_000)
    channels()
      .otherTab(fake.CHANNEL)
      .post(news(payload, fake.NOW + fake.HOUR_MS))
    await fake.flush()
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
      {
        ...news(fake.signedInUntil(fake.NOW + fake.HOUR_MS)),
        payload: { ...signedInAsBob(fake.NOW), user: {} },
      },
    ],
    [
      'a payload with an unknown reason',
      {
        ...news(fake.signedOut('missing')),
        payload: { ...fake.signedOut('missing'), reason: 'bored' },
      },
    ],
    ['no receivedAt', { type: 'session', payload: fake.signedInUntil(fake.NOW + fake.HOUR_MS) }],
    [
      'receivedAt not a number',
      { ...news(fake.signedInUntil(fake.NOW + fake.HOUR_MS)), receivedAt: 'now' },
    ],
  ])('ignores %s, as the schema refuses such a response body', async (_name, message) => {
    expect(parseSessionMessage(message)).toBeNull()
    const [tab] = await openTabs(1)
    channels().otherTab(fake.CHANNEL).post(message)
    await fake.flush()
    expect(tab?.session()).toMatchObject({ status: 'authenticated', user: fake.alice })
  })

  it('parses what a tab sends: a sign-out with its server time, an answer with its arrival', () => {
    expect(parseSessionMessage(signedOutMessage(fake.NOW))).toEqual({
      type: 'signed-out',
      at: new Date(fake.NOW).toISOString(),
    })
    const message = news(fake.signedOut('revoked'), fake.NOW)
    expect(parseSessionMessage(JSON.parse(JSON.stringify(message)))).toEqual(message)
  })
})
