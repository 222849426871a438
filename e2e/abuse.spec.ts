import { expect, test } from '@playwright/test'
import { SESSION_COOKIE_NAME, SESSION_ENDPOINT } from '../src/shared/constants'
import type { SessionPayload } from '../src/shared/types'
import { askSession, expiredToken, sessionCookie, signIn, tamper } from './support/session'
import { E2E_BASE_URL } from './support/server-env'

const LOAD_REQUESTS = 200
const REQUEST_TIMEOUT_MS = 10_000 // per request: the load test stops itself, it never hangs

test('DELETE /api/session from a foreign Origin (or Sec-Fetch-Site: cross-site): 403, and the cookie stays', async ({
  page,
  context,
  request,
}) => {
  await signIn(page, 'max@example.com', '2m')
  const cookie = await sessionCookie(context)
  if (!cookie) throw new Error('signing in set no session cookie')
  const sessionHeader = `${SESSION_COOKIE_NAME}=${cookie.value}`

  const crossSite: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]
  for (const headers of crossSite) {
    const response = await request.delete(SESSION_ENDPOINT, { headers: { ...headers, cookie: sessionHeader } })
    expect(response.status(), JSON.stringify(headers)).toBe(403)
    expect(response.headers()['set-cookie']).toBeUndefined()
  }
  expect(await askSession(request, cookie.value)).toMatchObject({ status: 'authenticated' })
  expect(await sessionCookie(context)).toEqual(cookie)
  await page.reload()
  await expect(page.getByRole('banner')).toContainText('Signed in as Max Member')

  // Control: the same request from the app's own origin does sign out.
  const own = await request.delete(SESSION_ENDPOINT, { headers: { origin: E2E_BASE_URL, cookie: sessionHeader } })
  expect(own.status()).toBe(204)
  expect(own.headers()['set-cookie']).toMatch(/^session=; .*Max-Age=0/)
})

type Kind = 'valid' | 'expired' | 'tampered'

function expected(kind: Kind): SessionPayload | { status: 'authenticated'; user: { id: string } } {
  switch (kind) {
    case 'valid':
      return { status: 'authenticated', user: { id: 'user-max' } }
    case 'expired':
      return { status: 'unauthenticated', reason: 'expired' }
    case 'tampered':
      return { status: 'unauthenticated', reason: 'invalid' }
    default:
      return kind satisfies never
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

test(`load: ${LOAD_REQUESTS} concurrent GET /api/session on loopback (valid, expired, tampered cookies): every answer right, none 5xx`, async ({
  page,
  request,
}) => {
  const expired = await expiredToken(page, request, 'max@example.com')
  await signIn(page, 'max@example.com', '7d')
  const valid = (await sessionCookie(page.context()))?.value
  if (!valid) throw new Error('signing in set no session cookie')
  const tokens: Record<Kind, string> = { valid, expired, tampered: tamper(valid) }
  const kinds: Kind[] = Array.from({ length: LOAD_REQUESTS }, (_, i) => (['valid', 'expired', 'tampered'] as const)[i % 3] ?? 'valid')

  const started = performance.now()
  const results = await Promise.all(
    kinds.map(async (kind) => {
      const sent = performance.now()
      const response = await fetch(`${E2E_BASE_URL}${SESSION_ENDPOINT}`, {
        headers: { cookie: `${SESSION_COOKIE_NAME}=${tokens[kind]}` },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      const body: unknown = await response.json()
      return { kind, status: response.status, body, ms: performance.now() - sent }
    }),
  )
  const wallMs = performance.now() - started

  const latencies = results.map((result) => result.ms).sort((a, b) => a - b)
  const byKind = (kind: Kind) => results.filter((result) => result.kind === kind).length
  const serverErrors = results.filter((result) => result.status >= 500).length
  const wrong = results.filter((result) => {
    try {
      expect(result.body).toMatchObject(expected(result.kind))
      return result.status !== 200
    } catch {
      return true
    }
  })
  console.log(
    `[load] ${results.length} concurrent GET ${SESSION_ENDPOINT} in ${wallMs.toFixed(0)} ms ` +
      `(valid ${byKind('valid')}, expired ${byKind('expired')}, tampered ${byKind('tampered')}): ` +
      `${results.length - wrong.length} correct, ${wrong.length} wrong, ${serverErrors} 5xx; latency ms ` +
      `p50 ${percentile(latencies, 50).toFixed(0)}, p95 ${percentile(latencies, 95).toFixed(0)}, max ${percentile(latencies, 100).toFixed(0)}`,
  )
  expect(serverErrors).toBe(0)
  expect(wrong).toEqual([])
})
