// Revocations live in the store, not in the instance's memory: one made on an instance is still
// refused after that instance restarts, with either store the app can use. Each test runs an
// instance of its own (the shared two keep serving the other tests) on a store of its own, so its
// sign-outs and ended sessions reach no other test.
import type { APIRequestContext } from '@playwright/test'
import { createClient } from 'redis'
import { extraInstanceUrl, type ExtraInstance } from './support/extra-instance'
import { expect, test } from './support/fixtures'
import { askSession, clickSignOut, signIn, signInForCookie } from './support/session'

const REVOKED = { status: 'unauthenticated', reason: 'revoked' }

// Pages and sign-ins go to this test's own instance (plain http on 127.0.0.1).
test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
  baseURL: async ({}, provide, testInfo) => provide(extraInstanceUrl(testInfo.parallelIndex)),
})

/** Replays `token` on `instance`, restarts it, replays it again: revoked both times. */
async function expectRevokedAcrossRestart(
  request: APIRequestContext,
  instance: ExtraInstance,
  token: string,
): Promise<void> {
  expect(await askSession(request, token, instance.baseUrl)).toMatchObject(REVOKED)
  await instance.restart()
  expect(await askSession(request, token, instance.baseUrl)).toMatchObject(REVOKED)
}

/** How many connections Redis has, besides the one asking. */
/**
 * How many connections the app's revocation store holds on this Redis: its client names them
 * `session-revocation` (CLIENT SETNAME); the sign-in throttle's own client is `sign-in-throttle`.
 */
async function revocationStoreConnections(url: string): Promise<number> {
  const client = await createClient({ url }).connect()
  try {
    const clients = await client.clientList()
    return clients.filter((listed) => listed.name === 'session-revocation').length
  } finally {
    client.destroy()
  }
}

test('SQLite (the default, no REDIS_URL): a signed-out cookie is still revoked after the instance restarts', async ({
  page,
  request,
  extraInstance,
}, testInfo) => {
  const instance = await extraInstance({ sqliteFile: testInfo.outputPath('revocations.sqlite') })
  const cookie = await signInForCookie(page, 'max@example.com')
  await clickSignOut(page)

  await expectRevokedAcrossRestart(request, instance, cookie.value)
})

test('Redis (REDIS_URL): sessions an admin ended are still revoked after the instance restarts; page, route and action share one connection', async ({
  page,
  context,
  request,
  onOwnRedis: { instance, redis },
}) => {
  const sam = await signInForCookie(page, 'sam@example.com', '7d')
  await context.clearCookies()
  await signIn(page, 'ada@example.com', '7d')
  await page.goto('/settings')
  await page.getByRole('button', { name: 'End all sessions of Sam Sample' }).click()
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'Ended every session of Sam Sample.',
  )
  // Pages, the route handler and Server Actions each load app/lib/revocation-store.ts (Next bundles
  // actions apart: without its one-per-process store, the action opened a second connection).
  expect(await revocationStoreConnections(redis.url)).toBe(1)

  await expectRevokedAcrossRestart(request, instance, sam.value)
})
