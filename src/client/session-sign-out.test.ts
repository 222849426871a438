import { describe, expect, it, vi } from 'vitest'
import * as fake from './controller-fakes.test.support'
import { SIGN_OUT_RETRIES } from './sign-out-retry'

const channels = fake.fakeTimeAndTabs()

const signedOutNow = () => new Response(null, { status: 204 })

/** A server whose DELETE answers come from `answers` in turn (the last one repeats). */
function deleteAnswers(...answers: Array<() => Response>) {
  let deletes = 0
  return fake.fakeFetcher((method) => {
    if (method !== 'DELETE') return fake.json(fake.signedOut('missing'))
    const answer = answers[Math.min(deletes, answers.length - 1)]
    deletes += 1
    if (!answer) throw new Error('deleteAnswers: give at least one answer')
    return answer()
  })
}

/** When each DELETE was sent, in ms after the first. */
async function deleteTimes(api: ReturnType<typeof fake.fakeFetcher>, forMs: number) {
  const times = [0]
  let seen = api.deletes().length
  for (let ms = 0; ms < forMs; ms += 1_000) {
    await vi.advanceTimersByTimeAsync(1_000)
    if (api.deletes().length > seen) times.push(ms + 1_000)
    seen = api.deletes().length
  }
  return times
}

describe('sign-out while the revocation store is down: DELETE answers 503', () => {
  it('retries the DELETE after Retry-After (5 s) until an answer that is not 503', async () => {
    const api = deleteAnswers(
      fake.storeUnavailable,
      fake.storeUnavailable,
      fake.storeUnavailable,
      signedOutNow,
    )
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.signOut()
    expect(await deleteTimes(api, 60_000)).toEqual([0, 5_000, 10_000, 15_000])
    expect(api.gets()).toHaveLength(0)
    // The retries change nothing the user sees: still one sign-out, told once.
    expect(session()).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    expect(
      channels()
        .posted()
        .filter(({ data }) => signedOutType(data)),
    ).toHaveLength(1)
  })

  it(`gives up after ${SIGN_OUT_RETRIES} retries, about 5 min, when the store stays down`, async () => {
    const api = deleteAnswers(fake.storeUnavailable)
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    await controller.signOut()
    const times = await deleteTimes(api, 60 * 60_000)
    expect(times).toHaveLength(1 + SIGN_OUT_RETRIES)
    expect(times.at(-1)).toBe(311_000) // 5 + 5 + 5 + 8 + 16 + 32 + 60 * 4 s
  })

  it('retries after no answer at all, and stops at an answer no retry fixes (500)', async () => {
    const networkError = () => {
      throw new TypeError('Failed to fetch')
    }
    const failed = () => fake.json({ error: 'Sign-out failed' }, { status: 500 })
    const api = deleteAnswers(fake.storeUnavailable, networkError, failed, signedOutNow)
    const { controller } = fake.setup(api.fetcher)
    controller.connect()
    await controller.signOut()
    expect(await deleteTimes(api, 10 * 60_000)).toEqual([0, 5_000, 7_000])
  })

  it('stops retrying when the provider unmounts (the tab closing stops it too)', async () => {
    const api = deleteAnswers(fake.storeUnavailable)
    const { controller } = fake.setup(api.fetcher)
    const disconnect = controller.connect()
    await controller.signOut()
    disconnect()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.deletes()).toHaveLength(1)
  })

  it('stops retrying when a new session begins: its cookie must not be signed out by the old DELETE', async () => {
    const api = deleteAnswers(fake.storeUnavailable)
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    await controller.signOut()
    await vi.advanceTimersByTimeAsync(60_000) // the user signs in again in another tab
    channels()
      .otherTab(fake.CHANNEL)
      .post({
        type: 'session',
        payload: fake.signedInUntil(Date.now() + fake.HOUR_MS),
        receivedAt: Date.now(),
      })
    await fake.flush()
    expect(session()).toMatchObject({ status: 'authenticated' })
    const sent = api.deletes().length
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.deletes()).toHaveLength(sent)
  })

  it('a DELETE with no answer at all keeps the user, with the error, and is not retried (as before)', async () => {
    const api = fake.fakeFetcher((method) => {
      if (method === 'DELETE') throw new TypeError('Failed to fetch')
      return fake.json(fake.signedOut('missing'))
    })
    const { controller, session } = fake.setup(api.fetcher)
    controller.connect()
    expect(await controller.signOut()).toMatchObject({ ok: false, error: { kind: 'network' } })
    expect(session()).toMatchObject({ status: 'authenticated', error: { kind: 'network' } })
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(api.deletes()).toHaveLength(1)
  })
})

function signedOutType(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === 'signed-out'
}
