// Revocations live in the store, not in the instance's memory: one signed out on an instance is
// still refused after that instance restarts, with either store the app can use. Each test runs
// its own instance (the shared two keep serving the other tests) on its own store.
import type { APIRequestContext, Page } from '@playwright/test'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import type { ExtraInstance } from './support/extra-instance'
import { expect, test } from './support/fixtures'
import { askSession, E2E_SESSION_COOKIE_NAME, sessionCookie, signIn } from './support/session'

const REVOKED = { status: 'unauthenticated', reason: 'revoked' }

/** Signs out a session of its own on `instance`, restarts it, and replays the cookie there. */
async function expectRevocationSurvivesRestart(
  page: Page,
  request: APIRequestContext,
  instance: ExtraInstance,
): Promise<void> {
  // Made through the shared topology (same secret, so it opens on `instance` too); signed out
  // only in this instance's store, so no other test sees the revocation.
  await signIn(page, 'max@example.com')
  const cookie = await sessionCookie(page.context())
  if (!cookie) throw new Error('no session cookie after signing in')
  expect(await askSession(request, cookie.value, instance.baseUrl)).toMatchObject({
    status: 'authenticated',
  })

  const deleted = await request.delete(`${instance.baseUrl}${SESSION_ENDPOINT}`, {
    headers: { cookie: `${E2E_SESSION_COOKIE_NAME}=${cookie.value}` },
  })
  expect(deleted.status(), 'DELETE /api/session').toBe(204)
  expect(await askSession(request, cookie.value, instance.baseUrl)).toMatchObject(REVOKED)

  await instance.restart()
  expect(await askSession(request, cookie.value, instance.baseUrl)).toMatchObject(REVOKED)
}

test('SQLite (the default, no REDIS_URL): a signed-out cookie is still revoked after the instance restarts', async ({
  page,
  request,
  extraInstance,
}, testInfo) => {
  const instance = await extraInstance({ sqliteFile: testInfo.outputPath('revocations.sqlite') })
  await expectRevocationSurvivesRestart(page, request, instance)
})

test('Redis (REDIS_URL): a signed-out cookie is still revoked after the instance restarts', async ({
  page,
  request,
  redisServer,
  extraInstance,
}) => {
  const instance = await extraInstance({ redisUrl: redisServer.url })
  await expectRevocationSurvivesRestart(page, request, instance)
})
