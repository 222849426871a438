import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { getRouter } from '@storybook/nextjs-vite/navigation.mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { unauthenticatedPayload } from '../mocks/fixtures/sessions'
import { alice, grace } from '../mocks/fixtures/users'
import { userAtom } from '@/lib/session/client/atoms'
import { SessionGate } from '@/lib/session/client/session-gate'
import type { LostSessionReason, SessionUser } from '@/lib/session/shared/types'
import { notEditable, REACT_NODE_ARG } from './support/arg-types'
import { DashboardContent, SessionPanel } from './support/demo'
import { playground } from './support/playground'
import { storyRequests } from './support/requests'
import {
  changedInAnotherTabStory,
  expiresWhileOpenStory,
  signedOutInAnotherTabStory,
  signOutStory,
} from './support/session-stories'
import { sessionState, signedIn } from './support/session-state'
import { settle } from './support/settle'
import { storySession, storyStore, type PlayContext } from './support/story-context'
import { EVENTUAL_WAIT_MS, SLOW_WAIT_MS } from './support/timing'
import usage from './usage/session-gate.tsx?raw'

/** The page the stories guard: /dashboard?tab=usage (so `next` carries a query too). */
const NEXT_DASHBOARD = '%2Fdashboard%3Ftab%3Dusage'

const isAdmin = (user: SessionUser) => user.role === 'admin'

const meta = {
  title: 'Client/SessionGate',
  component: SessionGate,
  args: {
    children: <DashboardContent />,
    fallback: <p>Checking your session…</p>,
    unauthorized: <p>You cannot see this page.</p>,
  },
  argTypes: {
    children: REACT_NODE_ARG,
    fallback: REACT_NODE_ARG,
    unauthorized: REACT_NODE_ARG,
    allow: notEditable('(user: SessionUser) => boolean'),
    errorFallback: notEditable('(props: { error; retry }) => ReactNode'),
    // A path or `false`: two choices, not an object editor that could set `{}`.
    redirectTo: {
      options: ['default', 'none'],
      mapping: { default: undefined, none: false },
      control: {
        type: 'radio',
        labels: { default: 'the login path (default)', none: 'false: render unauthorized' },
      },
    },
  },
  parameters: {
    componentPage: { item: 'session-gate', usage },
    docs: {
      description: {
        component:
          'Renders its children only for a signed-in user (one `allow` accepts, if given) and sends everyone else to the login page.',
      },
    },
    session: { provider: { retryBaseMs: 100 } },
    nextjs: { navigation: { pathname: '/dashboard', query: { tab: 'usage' } } },
  },
} satisfies Meta<typeof SessionGate>

export default meta
type Story = StoryObj<typeof meta>

// The docs page's "States" shows one story per state a reader looks for; behaviour tests carry
// `tags: ['!autodocs']` written in the story (Storybook reads tags from the file, not from a
// helper's result): they stay in the sidebar and run as tests.

async function expectDashboard(context: PlayContext) {
  await expect(
    await within(context.canvasElement).findByRole('heading', { name: 'Dashboard' }),
  ).toBeVisible()
}

async function expectNoRedirect() {
  await settle()
  await expect(getRouter().replace).not.toHaveBeenCalled()
}

/** Redirected once, with `replace` (Back must not return to the guarded page), to exactly `href`. */
async function expectRedirect(context: PlayContext, href: string) {
  await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith(href))
  await settle()
  await expect(getRouter().replace).toHaveBeenCalledTimes(1)
  await expect(getRouter().push).not.toHaveBeenCalled()
  const canvas = within(context.canvasElement)
  await expect(canvas.queryByRole('heading', { name: 'Dashboard' })).toBeNull()
  await expect(canvas.getByText('You cannot see this page.')).toBeVisible()
}

/** The first check failed: a retry control, never a redirect. */
async function expectErrorFallback(context: PlayContext, kind: string) {
  const alert = await within(context.canvasElement).findByRole(
    'alert',
    {},
    { timeout: EVENTUAL_WAIT_MS },
  )
  await expect(alert).toHaveTextContent(`We could not check your session (${kind}).`)
  await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(storySession(context)).toMatchObject({
    status: 'error',
    error: { kind },
  })
  await expectNoRedirect()
}

/** Alice is in: the dashboard, and no redirect. */
async function showsDashboard(context: PlayContext) {
  await expectDashboard(context)
  await expect(storyStore(context).get(userAtom)).toEqual(alice)
  await expectNoRedirect()
}

export const Authenticated: Story = {
  ...sessionState('authenticated'),
  play: showsDashboard,
}

export const ExpiringSoon: Story = {
  ...sessionState('expiringSoon'),
  play: showsDashboard,
}

/** A lost session: to the login page, with `next` and the `reason` its toast will tell. */
function redirectsWithReason(reason: LostSessionReason) {
  return async (context: PlayContext) => {
    await expectRedirect(context, `/auth?next=${NEXT_DASHBOARD}&reason=${reason}`)
    await expect(storySession(context)).toEqual({
      status: 'unauthenticated',
      reason,
    })
  }
}

export const Expired: Story = {
  ...sessionState('expired'),
  play: redirectsWithReason('expired'),
}

/** Never signed in: `next`, but no `reason` (nothing was lost, nothing to toast). */
const redirectsToSignIn = (context: PlayContext) =>
  expectRedirect(context, `/auth?next=${NEXT_DASHBOARD}`)

export const Anonymous: Story = {
  ...sessionState('anonymous'),
  play: redirectsToSignIn,
}

export const Invalid: Story = {
  ...sessionState('invalid'),
  play: redirectsWithReason('invalid'),
}

export const Revoked: Story = {
  ...sessionState('revoked'),
  play: redirectsWithReason('revoked'),
}

export const ServerError: Story = {
  // Slow automatic retries, so the only quick second request is the one the button makes.
  ...sessionState('serverError', { provider: { retryBaseMs: 60_000 } }),
  play: async (context) => {
    await expectErrorFallback(context, 'http')
    await expect(storyRequests(context).gets()).toBe(1)
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(storyRequests(context).gets()).toBe(2), {
      timeout: EVENTUAL_WAIT_MS,
    })
    await expectNoRedirect()
  },
}

export const RateLimited: Story = {
  tags: ['!autodocs'],
  ...sessionState('rateLimited'),
  play: (context) => expectErrorFallback(context, 'http'),
}

export const NetworkError: Story = {
  tags: ['!autodocs'],
  ...sessionState('networkError'),
  play: (context) => expectErrorFallback(context, 'network'),
}

export const Malformed: Story = {
  tags: ['!autodocs'],
  ...sessionState('malformed'),
  play: (context) => expectErrorFallback(context, 'malformed'),
}

/** No session from the layout: the fallback, busy, until the slow answer lets alice in. */
async function fallbackThenDashboard(context: PlayContext) {
  const canvas = within(context.canvasElement)
  const fallback = canvas.getByText('Checking your session…')
  await expect(fallback.closest('[aria-busy="true"]')).not.toBeNull()
  await expect(canvas.queryByRole('heading', { name: 'Dashboard' })).toBeNull()
  await waitFor(() => expect(canvas.getByRole('heading', { name: 'Dashboard' })).toBeVisible(), {
    timeout: SLOW_WAIT_MS,
  })
  await expectNoRedirect()
}

export const Slow: Story = {
  ...sessionState('slow'),
  play: fallbackThenDashboard,
}

export const SignOut: Story = {
  tags: ['!autodocs'],
  args: {
    children: (
      <>
        <DashboardContent />
        <SessionPanel />
      </>
    ),
  },
  ...signOutStory('signOutSucceeds', Authenticated.play, async (context) => {
    await waitFor(() =>
      expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' }),
    )
    // A deliberate sign-out: the login page, without `next` (the next person starts fresh).
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/auth'))
    await settle()
    for (const call of getRouter().replace.mock.calls) await expect(call).toEqual(['/auth'])
    await expect(storyRequests(context).deletes()).toBe(1)
  }),
}

export const SignOutFails: Story = {
  tags: ['!autodocs'],
  args: SignOut.args,
  ...signOutStory('signOutFails', Authenticated.play, async (context) => {
    await expect(await within(context.canvasElement).findByRole('alert')).toHaveTextContent(
      'Session request failed: http (500)',
    )
    // Still signed in, still on the page.
    await expectDashboard(context)
    await expect(storySession(context)).toMatchObject({
      status: 'authenticated',
      user: alice,
    })
    await expectNoRedirect()
  }),
}

export const SignedOutInAnotherTab: Story = {
  ...signedOutInAnotherTabStory(Authenticated.play, (context) => expectRedirect(context, '/auth')),
  tags: ['!autodocs'],
}

/** Another tab found the session revoked: this tab leaves too, with the reason for its toast. */
export const RevokedInAnotherTab: Story = {
  ...changedInAnotherTabStory(
    'authenticated',
    () => unauthenticatedPayload('revoked'),
    Authenticated.play,
    redirectsWithReason('revoked'),
  ),
  tags: ['!autodocs'],
}

export const ExpiresWhileOpen: Story = {
  tags: ['!autodocs'],
  ...expiresWhileOpenStory(expectDashboard, (context) =>
    expectRedirect(context, `/auth?next=${NEXT_DASHBOARD}&reason=expired`),
  ),
}

const signInPage = <h1>Sign in</h1>

export const GuestPage: Story = {
  tags: ['!autodocs'],
  args: { require: 'guest', children: signInPage },
  ...sessionState('authenticated', {
    navigation: { pathname: '/auth', query: { next: '/settings?tab=team' } },
  }),
  // Already signed in on the sign-in page: on to the safe `next`.
  play: async (context) => {
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/settings?tab=team'))
    await settle()
    await expect(getRouter().replace).toHaveBeenCalledTimes(1)
    await expect(
      within(context.canvasElement).queryByRole('heading', { name: 'Sign in' }),
    ).toBeNull()
  },
}

export const GuestPageUnsafeNext: Story = {
  tags: ['!autodocs'],
  args: GuestPage.args,
  ...sessionState('authenticated', {
    navigation: { pathname: '/auth', query: { next: '//evil.example/phish' } },
  }),
  // `next` leads off-site: home instead.
  play: async () => {
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/dashboard'))
    await settle()
    await expect(getRouter().replace).toHaveBeenCalledTimes(1)
  },
}

export const GuestPageAnonymous: Story = {
  tags: ['!autodocs'],
  args: GuestPage.args,
  ...sessionState('anonymous', {
    navigation: { pathname: '/auth', query: { next: '/settings' } },
  }),
  play: async (context) => {
    await expect(
      await within(context.canvasElement).findByRole('heading', { name: 'Sign in' }),
    ).toBeVisible()
    await expectNoRedirect()
  },
}

export const AllowedAdmin: Story = {
  tags: ['!autodocs'],
  args: { allow: isAdmin },
  ...sessionState('authenticated', { initialSession: signedIn(grace) }),
  play: async (context) => {
    await expectDashboard(context)
    await expect(storyStore(context).get(userAtom)).toEqual(grace)
    await expectNoRedirect()
  },
}

export const NotAllowedMember: Story = {
  args: { allow: isAdmin },
  ...sessionState('authenticated'),
  // Signed in but not allowed: `unauthorized`, and no redirect (logging in again would not help).
  play: async (context) => {
    const canvas = within(context.canvasElement)
    await expect(await canvas.findByText('You cannot see this page.')).toBeVisible()
    await expect(canvas.queryByRole('heading', { name: 'Dashboard' })).toBeNull()
    await expectNoRedirect()
  },
}

export const NoRedirect: Story = {
  tags: ['!autodocs'],
  args: { redirectTo: false },
  ...sessionState('anonymous'),
  play: NotAllowedMember.play,
}

export const Playground: Story = {
  ...playground({
    authenticated: showsDashboard,
    expiringSoon: showsDashboard,
    expired: redirectsWithReason('expired'),
    invalid: redirectsWithReason('invalid'),
    revoked: redirectsWithReason('revoked'),
    anonymous: redirectsToSignIn,
    serverError: (context) => expectErrorFallback(context, 'http'),
    storeUnavailable: (context) => expectErrorFallback(context, 'http'),
    rateLimited: (context) => expectErrorFallback(context, 'http'),
    networkError: (context) => expectErrorFallback(context, 'network'),
    malformed: (context) => expectErrorFallback(context, 'malformed'),
    slow: fallbackThenDashboard,
  }),
  tags: ['!autodocs'],
}
