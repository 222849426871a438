import { headers } from '@storybook/nextjs-vite/headers.mock'
import { redirect } from '@storybook/nextjs-vite/navigation.mock'
import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, within } from 'storybook/test'
import { alice } from '../../mocks/fixtures/users'
import { REQUEST_PATH_HEADER } from '@/lib/session/server/dal'
import usage from '../usage/verify-session.tsx?raw'
import { AccountPage } from './support/account-page'
import { RedirectBoundary } from './support/redirect-boundary'
import { freshRequest, setSessionCookie } from './support/session-cookie-jar'
import {
  DELETED_USER_ID,
  expiredToken,
  STORY_SESSION_SECONDS,
  tamperedToken,
  validToken,
} from './support/story-tokens'
import { serverHelperPage } from './support/server-helper-page'

const meta = {
  title: 'Server/verifySession & getSession',
  component: AccountPage,
  args: { next: '/dashboard' },
  decorators: [
    (Story) => (
      <RedirectBoundary>
        <Story />
      </RedirectBoundary>
    ),
  ],
  beforeEach: freshRequest,
  ...serverHelperPage({
    item: 'session-app',
    usage,
    description:
      'For Server Components, actions and route handlers: `verifySession()` returns the signed-in user or redirects to the login page; `getSession()` never redirects.',
    options: {
      'createSessionDal(options)': {
        loadUser: {
          type: '(userId: string) => Promise<SessionUser | null>',
          description:
            "Your user lookup; null means the user may no longer sign in (reason 'revoked').",
        },
        loginPath: {
          type: 'string',
          description: 'Where verifySession() sends visitors without a valid session.',
          defaultValue: 'LOGIN_PATH',
        },
      },
      'verifySession(options)': {
        next: {
          type: 'string',
          description:
            'Where to come back after sign-in; without it, the path the proxy forwarded.',
          defaultValue: 'the requested path',
        },
      },
    },
  }),
} satisfies Meta<typeof AccountPage>
export default meta

type Story = StoryObj<typeof meta>

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The page did not render; `redirect()` was called with exactly `href`. */
async function expectRedirectTo(canvasElement: HTMLElement, href: string): Promise<void> {
  const canvas = within(canvasElement)
  const target = await canvas.findByTestId('redirect-target')
  await expect(target.textContent).toBe(href)
  await expect(canvas.getByRole('status')).toHaveTextContent(`Redirected to ${href}`)
  // NEXT_REDIRECT;<type>;<url>;<status>; — Next says replace/307, Storybook's mock push/303.
  await expect(canvas.getByTestId('redirect-digest').textContent).toMatch(
    new RegExp(`^NEXT_REDIRECT;(replace|push);${escapeRegExp(href)};(307|303);$`),
  )
  await expect(redirect).toHaveBeenCalledWith(href)
  await expect(canvas.queryByRole('heading', { name: /Signed in as/ })).not.toBeInTheDocument()
}

/**
 * An async Server Component calls `verifySession()` (Storybook's experimental RSC support), with
 * the session cookie set in the mocked `cookies()` of `next/headers`, from a token made by
 * `encryptSession` in your browser. Signed in, the page renders the user; otherwise the error
 * boundary around the story shows where `redirect()` was sending the visitor.
 */
export const Authenticated: Story = {
  beforeEach: () => setSessionCookie(validToken(alice.id)),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('heading', { name: `Signed in as ${alice.name}` }),
    ).toBeVisible()
    await expect(canvas.getByText(alice.email)).toBeVisible()
    await expect(canvas.getByText(alice.role)).toBeVisible()
    // The token was made moments ago (beforeEach) for STORY_SESSION_SECONDS: the page says how
    // long is left in whole minutes, and its dateTime is that token's expiry.
    const ends = canvas.getByText(`in ${STORY_SESSION_SECONDS / 60} minutes`)
    await expect(ends.tagName).toBe('TIME')
    const msLeft = Date.parse(ends.getAttribute('datetime') ?? '') - Date.now()
    await expect(msLeft).toBeLessThanOrEqual(STORY_SESSION_SECONDS * 1000)
    await expect(msLeft).toBeGreaterThan(STORY_SESSION_SECONDS * 1000 - 30_000)
    await expect(redirect).not.toHaveBeenCalled()
  },
}

export const Expired: Story = {
  beforeEach: () => setSessionCookie(expiredToken(alice.id)),
  play: async ({ canvasElement }) => {
    await expectRedirectTo(canvasElement, '/auth?next=%2Fdashboard&reason=expired')
  },
}

// The same redirect as Expired, with reason=invalid: off the States gallery.
export const Invalid: Story = {
  tags: ['!autodocs'],
  beforeEach: () => setSessionCookie(tamperedToken()),
  play: async ({ canvasElement }) => {
    await expectRedirectTo(canvasElement, '/auth?next=%2Fdashboard&reason=invalid')
  },
}

export const Revoked: Story = {
  beforeEach: () => setSessionCookie(validToken(DELETED_USER_ID)),
  play: async ({ canvasElement }) => {
    await expectRedirectTo(canvasElement, '/auth?next=%2Fdashboard&reason=revoked')
  },
}

/** No cookie is not a lost session: `next` but no `reason`, so the login page shows no toast. */
export const Anonymous: Story = {
  play: async ({ canvasElement }) => {
    await expectRedirectTo(canvasElement, '/auth?next=%2Fdashboard')
  },
}

/** No `next` option, an expired cookie, and `path` in the header the proxy forwards it in. */
function expiredWithForwardedPath(path: string): Pick<Story, 'args' | 'beforeEach'> {
  return {
    args: { next: undefined },
    beforeEach: async () => {
      headers().set(REQUEST_PATH_HEADER, path)
      await setSessionCookie(expiredToken(alice.id))
    },
  }
}

// Where `next` comes from without the option (two cases): off the States gallery.
/** Without `next`, verifySession() uses the path the proxy forwarded in a request header. */
export const NextFromProxyHeader: Story = {
  tags: ['!autodocs'],
  ...expiredWithForwardedPath('/settings/users?page=2'),
  play: async ({ canvasElement }) => {
    await expectRedirectTo(
      canvasElement,
      '/auth?next=%2Fsettings%2Fusers%3Fpage%3D2&reason=expired',
    )
  },
}

/** A forged path header pointing off-site is dropped: the login href has no `next`. */
export const UnsafeNextDropped: Story = {
  tags: ['!autodocs'],
  ...expiredWithForwardedPath('//evil.example/phish'),
  play: async ({ canvasElement }) => {
    await expectRedirectTo(canvasElement, '/auth?reason=expired')
  },
}
