import { cookies, headers } from '@storybook/nextjs-vite/headers.mock'
import { redirect } from '@storybook/nextjs-vite/navigation.mock'
import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, within } from 'storybook/test'
import { alice } from '../../mocks/fixtures/users'
import { REQUEST_PATH_HEADER } from '../../src/server/request-path-header'
import { currentSessionCookieName } from '../../src/server/session-cookie-options'
import { AccountPage } from './support/account-page'
import { RedirectBoundary } from './support/redirect-boundary'
import { DELETED_USER_ID, expiredToken, tamperedToken, validToken } from './support/story-tokens'

const meta = {
  title: 'Server/verifySession',
  component: AccountPage,
  // No docs page: it would render every story at once, and they share one mocked cookie jar,
  // so each story would show whichever cookie was set last.
  tags: ['!autodocs'],
  args: { next: '/dashboard' },
  decorators: [
    (Story) => (
      <RedirectBoundary>
        <Story />
      </RedirectBoundary>
    ),
  ],
  beforeEach: () => {
    // A fresh request: no cookie and no forwarded path left over from the previous story.
    cookies().delete(currentSessionCookieName())
    headers().delete(REQUEST_PATH_HEADER)
    redirect.mockClear()
  },
  parameters: {
    docs: {
      description: {
        component: [
          '`verifySession()` from `createSessionDal({ loadUser })`, called by an async Server Component',
          "(Storybook's experimental RSC support). The session cookie is set in each story's",
          '`beforeEach` with `cookies()` from `@storybook/nextjs-vite/headers.mock`, using a token made',
          'by `encryptSession` in your browser. With a valid session the page renders the user; otherwise',
          '`verifySession()` calls `redirect()` with the login href, and the error boundary around the',
          'story shows where it was going.',
        ].join('\n'),
      },
    },
  },
} satisfies Meta<typeof AccountPage>
export default meta

type Story = StoryObj<typeof meta>

/** The cookie as the browser would send it, under the name verifySession() reads in this build. */
async function setSessionCookie(token: Promise<string>): Promise<void> {
  cookies().set(currentSessionCookieName(), await token)
}

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

export const Authenticated: Story = {
  beforeEach: () => setSessionCookie(validToken(alice.id)),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(
      await canvas.findByRole('heading', { name: `Signed in as ${alice.name}` }),
    ).toBeVisible()
    await expect(canvas.getByText(alice.email)).toBeVisible()
    await expect(canvas.getByText(alice.role)).toBeVisible()
    await expect(redirect).not.toHaveBeenCalled()
  },
}

export const Expired: Story = {
  beforeEach: () => setSessionCookie(expiredToken(alice.id)),
  play: async ({ canvasElement }) => {
    await expectRedirectTo(canvasElement, '/auth?next=%2Fdashboard&reason=expired')
  },
}

export const Invalid: Story = {
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

/** Without `next`, verifySession() uses the path the proxy forwarded in a request header. */
export const NextFromProxyHeader: Story = {
  args: { next: undefined },
  beforeEach: async () => {
    headers().set(REQUEST_PATH_HEADER, '/settings/users?page=2')
    await setSessionCookie(expiredToken(alice.id))
  },
  play: async ({ canvasElement }) => {
    await expectRedirectTo(
      canvasElement,
      '/auth?next=%2Fsettings%2Fusers%3Fpage%3D2&reason=expired',
    )
  },
}

/** A forged path header pointing off-site is dropped: the login href has no `next`. */
export const UnsafeNextDropped: Story = {
  args: { next: undefined },
  beforeEach: async () => {
    headers().set(REQUEST_PATH_HEADER, '//evil.example/phish')
    await setSessionCookie(expiredToken(alice.id))
  },
  play: async ({ canvasElement }) => {
    await expectRedirectTo(canvasElement, '/auth?reason=expired')
  },
}
