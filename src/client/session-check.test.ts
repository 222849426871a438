import { describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import * as fake from './controller-fakes.test.support'

const channels = fake.fakeTimeAndTabs()

describe('store unavailable: GET answers 503 with Retry-After: 5', () => {
  it('keeps the user with the error (no sign-out), and retries after 5 s, not the 1 s backoff', async () => {
    const api = fake.fakeFetcher(fake.storeUnavailable)
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toEqual({
      ...fake.signedIn(),
      error: {
        kind: 'http',
        message: 'Session endpoint answered 503',
        httpStatus: 503,
        retryAfterMs: 5_000,
      },
    })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(api.gets()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.gets()).toHaveLength(2)
  })

  it('waits at least Retry-After every time, then the growing backoff: 5, 5, 5, 8, 16 s', async () => {
    const api = fake.fakeFetcher(fake.storeUnavailable)
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    const gaps: number[] = []
    let last = Date.now()
    while (api.gets().length < 6) {
      const asked = api.gets().length
      await vi.advanceTimersByTimeAsync(1_000)
      if (api.gets().length > asked) {
        gaps.push(Date.now() - last)
        last = Date.now()
      }
    }
    expect(gaps).toEqual([5_000, 5_000, 5_000, 8_000, 16_000])
  })

  it('recovers when the store is back: the error goes, the user never left', async () => {
    let down = true
    const api = fake.fakeFetcher(() =>
      down ? fake.storeUnavailable() : fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)),
    )
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.refresh()
    expect(session()).toMatchObject({ status: 'authenticated', error: { httpStatus: 503 } })
    down = false
    await vi.advanceTimersByTimeAsync(5_000)
    expect(api.gets()).toHaveLength(2)
    expect(session()).toEqual(fake.signedIn())
  })

  it("tells the other tabs nothing while it fails: an error is this tab's, not a new session", async () => {
    const api = fake.fakeFetcher(fake.storeUnavailable)
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    const otherTab = channels().otherTab(fake.CHANNEL)
    await controller.refresh()
    await vi.advanceTimersByTimeAsync(20_000)
    expect(otherTab.heard()).toEqual([])
  })

  it('with nothing known yet (no layout answer), is an error, never signed out', async () => {
    const api = fake.fakeFetcher(fake.storeUnavailable)
    const { controller, session } = fake.setup(api.fetcher, null)
    controller.connect()
    await fake.flush()
    expect(session()).toMatchObject({ status: 'error', error: { httpStatus: 503 } })
  })
})

describe('update(): a check that sees what changed on the server after the one in flight', () => {
  const bob: SessionUser = { ...fake.alice, id: 'user_bob', name: 'Bob Stone' }

  it('waits for the check in flight, then asks again, and resolves with the newer answer', async () => {
    const api = fake.fakeFetcher()
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    void controller.refresh() // started before the server renewed the session
    const updated = controller.update()
    expect(api.gets()).toHaveLength(1) // not joined, not started yet
    api.gets()[0]?.respond(fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    await fake.flush()
    expect(api.gets()).toHaveLength(2)
    api.gets()[1]?.respond(fake.json(fake.signedInUntil(fake.NOW + 2 * fake.HOUR_MS)))
    expect(await updated).toEqual({ ...fake.signedIn(), expiresAt: fake.NOW + 2 * fake.HOUR_MS })
    expect(session()).toEqual({ ...fake.signedIn(), expiresAt: fake.NOW + 2 * fake.HOUR_MS })
  })

  it('with no check in flight: one request now', async () => {
    const api = fake.fakeFetcher(() =>
      fake.json({ ...fake.signedInUntil(fake.NOW + fake.HOUR_MS), user: bob }),
    )
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    expect(await controller.update()).toMatchObject({ status: 'authenticated', user: bob })
    expect(api.gets()).toHaveLength(1)
  })

  it('two updates during one check in flight make one more request between them, not two', async () => {
    const api = fake.fakeFetcher()
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    void controller.refresh()
    const both = Promise.all([controller.update(), controller.update()])
    api.gets()[0]?.respond(fake.json(fake.signedInUntil(fake.NOW + fake.HOUR_MS)))
    await fake.flush()
    expect(api.gets()).toHaveLength(2)
    api.gets()[1]?.respond(fake.json({ ...fake.signedInUntil(fake.NOW + fake.HOUR_MS), user: bob }))
    const [first, second] = await both
    expect(first).toBe(second)
    expect(first).toMatchObject({ user: bob })
  })

  it('tells the other tabs the new session (a changed user), which they apply', async () => {
    const api = fake.fakeFetcher(() =>
      fake.json({ ...fake.signedInUntil(fake.NOW + fake.HOUR_MS), user: bob }),
    )
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    const other = fake.setup(fake.fakeFetcher().fetcher)
    other.controller.connect()
    await controller.update()
    await fake.flush()
    expect(other.session()).toMatchObject({ status: 'authenticated', user: bob })
  })
})
