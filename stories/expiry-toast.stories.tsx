import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { getRouter } from '@storybook/nextjs-vite/navigation.mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  authenticatedPayload,
  EXPIRING_SOON_MS,
  MINUTE_MS,
  unauthenticatedPayload,
} from '../mocks/fixtures/sessions'
import { alice } from '../mocks/fixtures/users'
import { sessionAtom } from '../src/client/atoms'
import { ExpiryToast } from '../src/client/expiry-toast'
import type { SessionScenario } from '../mocks/handlers/session'
import { SessionPanel } from './support/demo'
import { serveScenario, storyRequests } from './support/requests'
import { signedInAsAlice, signedOutInAnotherTabStory } from './support/session-stories'
import { settle } from './support/settle'
import { storyStore, type PlayContext } from './support/story-context'
import { expectNoToast, expectOneToast, visibleToasts } from './support/toasts'
import { EXPIRY_WAIT_MS, SHORT_SESSION_MS, SLOW_WAIT_MS } from './support/timing'

const EXPIRED_TEXT = 'Your session has expired. Please sign in again.'

const meta = {
  title: 'Client/ExpiryToast',
  component: ExpiryToast,
  parameters: {
    session: {},
    nextjs: { navigation: { pathname: '/dashboard' } },
  },
  // The panel shows the session the toast reacts to, and has the sign-out button.
  render: (args) => (
    <>
      <ExpiryToast {...args} />
      <SessionPanel />
    </>
  ),
} satisfies Meta<typeof ExpiryToast>

export default meta
type Story = StoryObj<typeof meta>

const initially = (reason: 'missing' | 'expired' | 'invalid' | 'revoked') => ({
  session: { initialSession: () => unauthenticatedPayload(reason) },
})

async function expectNoNavigation() {
  await settle()
  await expect(getRouter().replace).not.toHaveBeenCalled()
  await expect(getRouter().push).not.toHaveBeenCalled()
}

/**
 * One toast with `text`, still one after the mount check re-confirmed the loss; its 'Sign in'
 * action goes to the login page and comes back here after (and closes the toast).
 */
async function expectExpiryToast(context: PlayContext, text: string) {
  await expectOneToast(text)
  await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
  await settle()
  const toast = await expectOneToast(text)
  await userEvent.click(within(toast).getByRole('button', { name: 'Sign in' }))
  await expect(getRouter().push).toHaveBeenCalledWith('/auth?next=%2Fdashboard')
  await expect(getRouter().push).toHaveBeenCalledTimes(1)
  await waitFor(() => expect(visibleToasts()).toHaveLength(0))
}

/** A failing check: the user stays signed in, and an error is never an expiry. */
function errorStory(scenario: SessionScenario): Story {
  return {
    parameters: signedInAsAlice,
    beforeEach: (context) => serveScenario(context, scenario),
    play: async (context: PlayContext) => {
      window.dispatchEvent(new Event('online'))
      await expect(await within(context.canvasElement).findByRole('alert')).toHaveTextContent(
        'Session request failed',
      )
      await expect(storyStore(context).get(sessionAtom)).toMatchObject({
        status: 'authenticated',
        user: alice,
      })
      await expectNoToast()
      await expectNoNavigation()
    },
  }
}

export const Authenticated: Story = {
  parameters: signedInAsAlice,
  beforeEach: (context) => serveScenario(context, 'authenticated'),
  play: async (context) => {
    await expect(
      await within(context.canvasElement).findByText('Status: authenticated'),
    ).toBeVisible()
    await expectNoToast()
    await expectNoNavigation()
  },
}

export const ExpiringSoon: Story = {
  args: { warnBefore: 5 * MINUTE_MS },
  parameters: { session: { initialSession: () => authenticatedPayload(alice, EXPIRING_SOON_MS) } },
  beforeEach: (context) => serveScenario(context, 'expiringSoon'),
  // Two minutes left, inside the five-minute window: one early warning, not the expiry toast.
  play: async () => {
    await expectOneToast('Your session expires in 2 minutes.')
    await expectNoNavigation()
  },
}

export const Expired: Story = {
  parameters: initially('expired'),
  beforeEach: (context) => serveScenario(context, 'expired'),
  play: (context) => expectExpiryToast(context, EXPIRED_TEXT),
}

export const Anonymous: Story = {
  parameters: initially('missing'),
  beforeEach: (context) => serveScenario(context, 'anonymous'),
  // Never signed in: nothing was lost, no toast.
  play: async (context) => {
    await expect(await within(context.canvasElement).findByText('Reason: missing')).toBeVisible()
    await expectNoToast()
    await expectNoNavigation()
  },
}

export const Invalid: Story = {
  parameters: initially('invalid'),
  beforeEach: (context) => serveScenario(context, 'invalid'),
  play: (context) =>
    expectExpiryToast(context, 'Your session is no longer valid. Please sign in again.'),
}

export const Revoked: Story = {
  parameters: initially('revoked'),
  beforeEach: (context) => serveScenario(context, 'revoked'),
  play: (context) =>
    expectExpiryToast(context, 'Your access has been revoked. Please sign in again.'),
}

export const ServerError = errorStory('serverError')
export const RateLimited = errorStory('rateLimited')
export const NetworkError = errorStory('networkError')
export const Malformed = errorStory('malformed')

export const Slow: Story = {
  beforeEach: (context) => serveScenario(context, 'slow'),
  play: async (context) => {
    await expect(within(context.canvasElement).getByText('Status: loading')).toBeVisible()
    await expect(
      await within(context.canvasElement).findByText(
        'Status: authenticated',
        {},
        { timeout: SLOW_WAIT_MS },
      ),
    ).toBeVisible()
    await expectNoToast()
  },
}

export const SignOut: Story = {
  parameters: signedInAsAlice,
  beforeEach: (context) => serveScenario(context, 'authenticated', 'signOutSucceeds'),
  play: async (context) => {
    await Authenticated.play?.(context)
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/auth'))
    await expect(storyStore(context).get(sessionAtom)).toEqual({
      status: 'unauthenticated',
      reason: 'signed-out',
    })
    // Leaving on purpose is not an expiry.
    await expectNoToast()
  },
}

export const SignOutFails: Story = {
  parameters: signedInAsAlice,
  beforeEach: (context) => serveScenario(context, 'authenticated', 'signOutFails'),
  play: async (context) => {
    await Authenticated.play?.(context)
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Sign out' }))
    await expect(await within(context.canvasElement).findByRole('alert')).toHaveTextContent(
      'http (500)',
    )
    await expectNoToast()
    await expectNoNavigation()
  },
}

export const SignedOutInAnotherTab: Story = signedOutInAnotherTabStory(
  Authenticated.play,
  async (context) => {
    await expect(await within(context.canvasElement).findByText('Reason: signed-out')).toBeVisible()
    // The same user left, in another tab: no toast here either.
    await expectNoToast()
  },
)

export const ReasonFromServerRedirect: Story = {
  parameters: {
    // The proxy found an expired cookie, deleted it and redirected here.
    ...initially('missing'),
    nextjs: { navigation: { pathname: '/auth', query: { next: '/dashboard', reason: 'expired' } } },
  },
  beforeEach: (context) => serveScenario(context, 'anonymous'),
  play: async () => {
    const toast = await expectOneToast(EXPIRED_TEXT)
    // Already on the login page: no 'Sign in' action to go there.
    await expect(within(toast).queryByRole('button', { name: 'Sign in' })).toBeNull()
    // `reason` stripped, `next` kept: a reload does not toast again.
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/auth?next=%2Fdashboard'))
    await settle()
    await expect(getRouter().replace).toHaveBeenCalledTimes(1)
    await expectOneToast(EXPIRED_TEXT)
  },
}

export const ReasonFromServerRedirectWithStaleCookie: Story = {
  parameters: {
    // verifySession() redirected, but a Server Component cannot delete the cookie: the layout
    // still says `expired`, and the URL says so too. Two signals, one loss, one toast.
    ...initially('expired'),
    nextjs: { navigation: { pathname: '/auth', query: { next: '/dashboard', reason: 'expired' } } },
  },
  beforeEach: (context) => serveScenario(context, 'expired'),
  play: async (context) => {
    await ReasonFromServerRedirect.play?.(context)
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
    await settle()
    await expectOneToast(EXPIRED_TEXT)
  },
}

export const UnknownReasonParam: Story = {
  parameters: {
    ...initially('missing'),
    nextjs: { navigation: { pathname: '/auth', query: { reason: 'hacked' } } },
  },
  beforeEach: (context) => serveScenario(context, 'anonymous'),
  // Anyone can type a URL: an unknown reason shows nothing and is left alone.
  play: async () => {
    await expectNoToast()
    await expectNoNavigation()
  },
}

/** The `reason` is stripped (`rest` kept) once, with no toast: a crafted link is not a loss. */
async function expectReasonStrippedSilently(href: string) {
  await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith(href))
  await expectNoToast()
  await expect(getRouter().replace).toHaveBeenCalledTimes(1)
  await expect(getRouter().push).not.toHaveBeenCalled()
}

export const ReasonParamWhileSignedIn: Story = {
  parameters: {
    // A crafted link to a signed-in user: "/dashboard?reason=revoked" must not say "revoked".
    ...signedInAsAlice,
    nextjs: { navigation: { pathname: '/dashboard', query: { tab: 'usage', reason: 'revoked' } } },
  },
  beforeEach: (context) => serveScenario(context, 'authenticated'),
  play: async (context) => {
    await expectReasonStrippedSilently('/dashboard?tab=usage')
    await expect(storyStore(context).get(sessionAtom)).toMatchObject({
      status: 'authenticated',
      user: alice,
    })
  },
}

export const ReasonParamWhileSignedInOnLoginPath: Story = {
  parameters: {
    // The same link to the login path: the proxy lets a signed-in user through with a lost-session
    // reason (a revoked user must not loop), and the guest gate sends them home; no toast.
    ...signedInAsAlice,
    nextjs: { navigation: { pathname: '/auth', query: { next: '/dashboard', reason: 'revoked' } } },
  },
  beforeEach: (context) => serveScenario(context, 'authenticated'),
  play: () => expectReasonStrippedSilently('/auth?next=%2Fdashboard'),
}

export const ReasonParamOffLoginPath: Story = {
  parameters: {
    // Signed out, but not on the login path: no server redirect ends here, so no toast.
    ...initially('missing'),
    nextjs: { navigation: { pathname: '/pricing', query: { reason: 'expired' } } },
  },
  beforeEach: (context) => serveScenario(context, 'anonymous'),
  play: () => expectReasonStrippedSilently('/pricing'),
}

export const ExpiresWhileOpen: Story = {
  parameters: { session: { initialSession: () => authenticatedPayload(alice, SHORT_SESSION_MS) } },
  beforeEach: (context) => serveScenario(context, 'expired'),
  play: async (context) => {
    const session = storyStore(context).get(sessionAtom)
    if (session.status !== 'authenticated') throw new Error('expected an authenticated session')
    await expectNoToast()
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1), { timeout: EXPIRY_WAIT_MS })
    await expectOneToast(EXPIRED_TEXT)
    // Found by the timer at expiresAt, not by polling before it.
    await expect(storyRequests(context).getTimes()[0]).toBeGreaterThanOrEqual(session.expiresAt)
  },
}

export const CustomMessages: Story = {
  args: { messages: { expired: 'Ihre Sitzung ist abgelaufen.', signIn: 'Anmelden' } },
  parameters: initially('expired'),
  beforeEach: (context) => serveScenario(context, 'expired'),
  play: async () => {
    const toast = await expectOneToast('Ihre Sitzung ist abgelaufen.')
    await expect(within(toast).getByRole('button', { name: 'Anmelden' })).toBeInTheDocument()
  },
}
