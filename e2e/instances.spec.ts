import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { expect, test } from './support/fixtures'
import { E2E_INSTANCE_ADDRESSES } from './support/server-env'

// nginx alternates between the instances, but the other worker's requests interleave with this
// test's, so two in a row may land on the same one; twenty all landing on one would mean the
// proxy is not spreading them at all.
const MAX_REQUESTS = 20

test('one signed-in user is served by both instances (nginx names each in X-Instance): no instance pinning needed', async ({
  memberPage: page,
}) => {
  await page.waitForLoadState('networkidle')

  const servedBy = new Set<string>()
  for (let sent = 0; sent < MAX_REQUESTS && servedBy.size < E2E_INSTANCE_ADDRESSES.length; sent++) {
    // From the page, one at a time: the browser's own cookie, the browser's own connection.
    const { instance, body } = await page.evaluate(async (endpoint) => {
      const response = await fetch(endpoint)
      return {
        instance: response.headers.get('x-instance'),
        body: (await response.json()) as unknown,
      }
    }, SESSION_ENDPOINT)
    expect(body).toMatchObject({ status: 'authenticated', user: { id: 'user-max' } })
    servedBy.add(String(instance))
  }
  expect([...servedBy].sort()).toEqual(E2E_INSTANCE_ADDRESSES)
})
