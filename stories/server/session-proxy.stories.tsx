import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, within } from 'storybook/test'
// The template users get is already the usage: a second copy would drift from it.
import usage from '../../proxy.ts?raw'
import { countTableRows, readTableRow } from './support/read-table-row'
import { PROXY_OPTIONS, proxyCaseLabel, type ProxyCase } from './support/proxy-cases'
import { ProxyConfigCheck } from './support/proxy-config-check'
import { SessionProxyTable } from './support/session-proxy-table'
import { serverHelperPage } from './support/server-helper-page'

const meta = {
  title: 'Server/createSessionProxy',
  component: SessionProxyTable,
  ...serverHelperPage({
    item: 'session-proxy',
    usage,
    description:
      "Next 16's `proxy.ts`: a cookie-only check (no `loadUser`, no database) that redirects before a protected or guest-only page renders.",
    rowsArg: 'cases',
    options: {
      'createSessionProxy(options)': {
        protectedPaths: {
          type: 'readonly string[]',
          description: 'Paths (and everything below them) that need a valid session cookie.',
        },
        guestOnlyPaths: {
          type: 'readonly string[]',
          description:
            'Paths (and everything below them) for signed-out visitors only: the login page.',
        },
        loginPath: {
          type: 'string',
          description: 'Where visitors without a valid cookie go; it may not be protected.',
          defaultValue: 'LOGIN_PATH',
        },
        homePath: {
          type: 'string',
          description: 'Where signed-in visitors of a guest-only path go without a safe `next`.',
          defaultValue: 'HOME_PATH',
        },
      },
    },
  }),
} satisfies Meta<typeof SessionProxyTable>
export default meta

type Story = StoryObj<typeof meta>

type Decision = {
  Decision: string
  Location: string
  'Session cookie': string
  'Forwarded path': string
}

const pass = (path: string): Decision => ({
  Decision: 'continue',
  Location: '(none)',
  'Session cookie': 'unchanged',
  'Forwarded path': path,
})

const redirect = (location: string, sessionCookie: 'unchanged' | 'deleted'): Decision => ({
  Decision: 'redirect (307)',
  Location: location,
  'Session cookie': sessionCookie,
  'Forwarded path': '(none)',
})

/** Each case with the decision its play function expects. */
type Expected = ReadonlyArray<readonly [ProxyCase, Decision]>

const AUTHENTICATED: Expected = [
  [{ path: '/dashboard', cookie: 'valid' }, pass('/dashboard')],
  [{ path: '/settings/users?page=2', cookie: 'valid' }, pass('/settings/users?page=2')],
  // Guest-only page with a session: on to the safe `next`, or home.
  [{ path: '/auth', cookie: 'valid' }, redirect('/dashboard', 'unchanged')],
  [{ path: '/auth?next=%2Fsettings', cookie: 'valid' }, redirect('/settings', 'unchanged')],
  [{ path: '/auth?next=%2F%2Fevil.example', cookie: 'valid' }, redirect('/dashboard', 'unchanged')],
  [
    { path: '/auth?next=https%3A%2F%2Fevil.example', cookie: 'valid' },
    redirect('/dashboard', 'unchanged'),
  ],
  // `next` pointing at the guest-only page itself would bounce forever: home instead.
  [{ path: '/auth?next=%2Fauth', cookie: 'valid' }, redirect('/dashboard', 'unchanged')],
]

const ANONYMOUS: Expected = [
  // No cookie is not a lost session: `next` but no `reason`, so no toast on the login page.
  [{ path: '/dashboard', cookie: 'none' }, redirect('/auth?next=%2Fdashboard', 'unchanged')],
  [
    { path: '/dashboard/reports?range=7d', cookie: 'none' },
    redirect('/auth?next=%2Fdashboard%2Freports%3Frange%3D7d', 'unchanged'),
  ],
  // Percent-encoded letters reach the same page, so they meet the same guard.
  [{ path: '/%64ashboard', cookie: 'none' }, redirect('/auth?next=%2F%2564ashboard', 'unchanged')],
  // Segment boundaries: /dashboard guards /dashboard/x, not /dashboards.
  [{ path: '/dashboards', cookie: 'none' }, pass('/dashboards')],
  [{ path: '/auth', cookie: 'none' }, pass('/auth')],
  [{ path: '/', cookie: 'none' }, pass('/')],
]

const EXPIRED: Expected = [
  [
    { path: '/dashboard?tab=2', cookie: 'expired' },
    redirect('/auth?next=%2Fdashboard%3Ftab%3D2&reason=expired', 'deleted'),
  ],
  // Not a protected path: the proxy lets it through; the route handler clears the cookie when
  // the provider asks, and ExpiryToast shows the toast then.
  [{ path: '/auth', cookie: 'expired' }, pass('/auth')],
  [{ path: '/', cookie: 'expired' }, pass('/')],
]

const INVALID: Expected = [
  [
    { path: '/settings', cookie: 'invalid' },
    redirect('/auth?next=%2Fsettings&reason=invalid', 'deleted'),
  ],
  [{ path: '/auth', cookie: 'invalid' }, pass('/auth')],
]

async function expectDecisions(canvasElement: HTMLElement, expected: Expected): Promise<void> {
  for (const [proxyCase, decision] of expected) {
    await expect({
      case: proxyCase,
      ...(await readTableRow(canvasElement, proxyCaseLabel(proxyCase))),
    }).toMatchObject({
      case: proxyCase,
      ...decision,
    })
  }
}

const casesOf = (expected: Expected) => expected.map(([proxyCase]) => proxyCase)

/**
 * Each row sends one path with one cookie (made by `encryptSession` in your browser) through the
 * real proxy, with the reference app's options (`/dashboard` and `/settings` protected), and shows
 * its decision: continue or redirect, where to, whether the session cookie is deleted, and the
 * path passed on to `verifySession()`.
 * The proxy never calls `loadUser`, so it has no `revoked` state: `verifySession()` and the route
 * handler catch that one.
 */
export const Authenticated: Story = {
  // A docs block is an iframe of fixed height (preview.tsx: 240px): these tables need more.
  parameters: { docs: { story: { height: '420px' } } },
  args: { cases: casesOf(AUTHENTICATED) },
  play: async ({ canvasElement }) => expectDecisions(canvasElement, AUTHENTICATED),
}

export const Anonymous: Story = {
  parameters: { docs: { story: { height: '470px' } } },
  args: { cases: casesOf(ANONYMOUS) },
  play: async ({ canvasElement }) => expectDecisions(canvasElement, ANONYMOUS),
}

export const Expired: Story = {
  parameters: { docs: { story: { height: '290px' } } },
  args: { cases: casesOf(EXPIRED) },
  play: async ({ canvasElement }) => expectDecisions(canvasElement, EXPIRED),
}

// The same decisions as Expired, with reason=invalid: off the States gallery.
export const Invalid: Story = {
  tags: ['!autodocs'],
  args: { cases: casesOf(INVALID) },
  play: async ({ canvasElement }) => expectDecisions(canvasElement, INVALID),
}

// The whole table in one view, in the sidebar; on the docs page the states above show it.
/** Every path with every cookie state above, in one table. */
export const AllStates: Story = {
  tags: ['!autodocs'],
  args: { cases: [AUTHENTICATED, ANONYMOUS, EXPIRED, INVALID].flatMap(casesOf) },
  play: async (context) => {
    await expect(await countTableRows(context.canvasElement)).toBe(
      AUTHENTICATED.length + ANONYMOUS.length + EXPIRED.length + INVALID.length,
    )
    for (const story of [Authenticated, Anonymous, Expired, Invalid]) await story.play?.(context)
  },
}

/** A login path that is also protected would redirect to itself forever: refused at creation. */
// A configuration mistake, not a session state: off the States gallery.
export const ProtectedLoginPathRefused: Story = {
  tags: ['!autodocs'],
  parameters: { docs: { story: { height: '370px' } } },
  args: { cases: [] },
  render: () => (
    <ProxyConfigCheck options={{ ...PROXY_OPTIONS, protectedPaths: ['/dashboard', '/auth'] }} />
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'Refused at startup: createSessionProxy: loginPath /auth is protected: every visit would redirect to itself',
    )
  },
}
