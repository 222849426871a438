// Fault suite: the session proxy must never loop. For generated proxy configs x request paths x
// cookie states, follow the proxy's redirects like a browser (keeping the cookie jar up to date
// from its Set-Cookie): at most 2 URLs visited, none twice, never another origin.
import fc from 'fast-check'
import { NextRequest, type NextResponse } from 'next/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSessionProxy } from '@/lib/session/server'
import { expiredToken, tamperedToken, validToken } from '@/test/support/tokens'
import { SESSION_COOKIE_NAME } from '@/lib/session/shared/constants'

const ORIGIN = 'http://app.test'
const RUNS = 1500
/** A chain longer than this is a loop; stop following it so the test fails instead of hanging. */
const MAX_HOPS = 6

const PATH_POOL = [
  '/',
  '/dashboard',
  '/settings',
  '/admin',
  '/admin/users',
  '/auth',
  '/login',
  '/signup',
  '/home',
  '/docs',
]
const INTERESTING_PATHS = [
  ...PATH_POOL,
  '/dashboard/reports',
  '/dashboards',
  '/auth/callback',
  '/%61uth', // `/auth` percent-encoded: the router decodes it, so the guard must too
  '/%64ashboard',
  '/%zz', // broken escape
  '/dashboard/',
]
const NEXT_VALUES = [
  '/auth',
  '/login',
  '/signup',
  '/dashboard',
  '/auth?next=/auth',
  '/%61uth',
  '//evil.com',
  'https://evil.com',
  '/\\evil.com',
  '/settings?tab=1',
  '',
]

type CookieState = 'none' | 'empty' | 'valid' | 'expired' | 'invalid'
const COOKIE_STATES: CookieState[] = ['none', 'empty', 'valid', 'expired', 'invalid']
let cookieValues: Record<CookieState, string | undefined>

beforeAll(async () => {
  cookieValues = {
    none: undefined,
    empty: '',
    valid: await validToken('user-loop'),
    expired: await expiredToken('user-loop'),
    invalid: await tamperedToken('user-loop'),
  }
})

// Mostly configs a user would write (login and guest pages apart from protected ones), plus
// any combination of the pool: the kit must refuse those that could loop, and not loop on the rest.
const sensibleConfig = fc.record({
  protectedPaths: fc.subarray(
    ['/dashboard', '/settings', '/admin', '/admin/users', '/home', '/docs'],
    { minLength: 1 },
  ),
  guestOnlyPaths: fc.subarray(['/auth', '/login', '/signup']),
  loginPath: fc.constantFrom('/auth', '/login', '/signup'),
  homePath: fc.constantFrom('/dashboard', '/home', '/', '/docs', '/settings'),
})
const anyConfig = fc.record({
  protectedPaths: fc.subarray(PATH_POOL, { maxLength: 4 }),
  guestOnlyPaths: fc.subarray(PATH_POOL, { maxLength: 3 }),
  loginPath: fc.constantFrom(...PATH_POOL),
  homePath: fc.constantFrom(...PATH_POOL),
})
const config = fc.oneof(
  { arbitrary: sensibleConfig, weight: 3 },
  { arbitrary: anyConfig, weight: 1 },
)

const requestUrl = fc
  .tuple(
    fc.constantFrom(...INTERESTING_PATHS),
    fc.option(fc.constantFrom(...NEXT_VALUES), { nil: undefined }),
  )
  .map(([path, next]) =>
    next === undefined ? `${ORIGIN}${path}` : `${ORIGIN}${path}?next=${encodeURIComponent(next)}`,
  )

type Proxy = (request: NextRequest) => Promise<NextResponse>

/** Visits `start` and follows the proxy's redirects like a browser; returns every URL visited. */
async function follow(proxy: Proxy, start: string, cookie: string | undefined): Promise<string[]> {
  const visited = [start]
  let jar = cookie
  let url = start
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const headers: Record<string, string> =
      jar === undefined ? {} : { cookie: `${SESSION_COOKIE_NAME}=${jar}` }
    const response = await proxy(new NextRequest(url, { headers }))
    const set = response.cookies.get(SESSION_COOKIE_NAME)
    if (set) jar = set.value === '' ? undefined : set.value
    const location = response.headers.get('location')
    if (response.status < 300 || response.status >= 400 || location === null) break
    const target = new URL(location, url)
    expect(target.origin).toBe(ORIGIN)
    url = target.href
    visited.push(url)
  }
  return visited
}

// Time for the whole batch, not a speed check: vitest's default 5 s per test ran out for the
// mutation batch on a loaded 2-core machine (stories and the install test running beside it).
const FUZZ_BUDGET = { timeout: 60_000 }

describe('proxy redirect loops', FUZZ_BUDGET, () => {
  it(`generated configs x paths x cookie states (${RUNS} runs): at most 2 URLs, none visited twice`, async () => {
    const figures = { refusedConfigs: 0, chains: 0, requests: 0, redirects: 0, longest: 0 }
    await fc.assert(
      fc.asyncProperty(
        config,
        requestUrl,
        fc.constantFrom(...COOKIE_STATES),
        async (options, url, state) => {
          let proxy: Proxy
          try {
            proxy = createSessionProxy(options)
          } catch (error) {
            // Refusing a config that could loop is the kit's documented answer; say which.
            expect(String(error)).toMatch(/createSessionProxy: .*(protected|guest-only)/)
            figures.refusedConfigs++
            return
          }
          const visited = await follow(proxy, url, cookieValues[state])
          figures.chains++
          figures.requests += visited.length
          figures.redirects += visited.length - 1
          figures.longest = Math.max(figures.longest, visited.length)
          expect(
            visited.length,
            `chain from ${url} with ${state} cookie: ${visited.join(' -> ')}`,
          ).toBeLessThanOrEqual(2)
          expect(new Set(visited).size).toBe(visited.length)
        },
      ),
      { numRuns: RUNS },
    )
    console.log(
      `[loop] ${RUNS} runs: ${figures.chains} redirect chains followed (${figures.requests} proxy requests, ` +
        `${figures.redirects} redirects, longest ${figures.longest} URLs), ${figures.refusedConfigs} configs refused at creation`,
    )
    expect(figures.chains).toBeGreaterThan(RUNS / 4)
  })

  it('the reference app config (proxy.ts): every path x cookie state x next ends within 2 URLs', async () => {
    const proxy = createSessionProxy({
      protectedPaths: ['/dashboard', '/settings'],
      guestOnlyPaths: ['/auth'],
      loginPath: '/auth',
      homePath: '/dashboard',
    })
    let chains = 0
    for (const path of INTERESTING_PATHS) {
      for (const next of [undefined, ...NEXT_VALUES]) {
        for (const state of COOKIE_STATES) {
          const url =
            next === undefined
              ? `${ORIGIN}${path}`
              : `${ORIGIN}${path}?next=${encodeURIComponent(next)}`
          const visited = await follow(proxy, url, cookieValues[state])
          expect(visited.length, visited.join(' -> ')).toBeLessThanOrEqual(2)
          expect(new Set(visited).size).toBe(visited.length)
          chains++
        }
      }
    }
    console.log(`[loop] reference app config: ${chains} chains, none longer than 2 URLs`)
  })
})
