import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { getRouter } from '@storybook/nextjs-vite/navigation.mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { MINUTE_MS, unauthenticatedPayload } from '../mocks/fixtures/sessions'
import { alice } from '../mocks/fixtures/users'
import { ExpiryToast } from '@/lib/session/client/expiry-toast'
import type { LostSessionReason } from '@/lib/session/shared/reasons'
import { notEditable, WARN_BEFORE_CONTROL } from './support/arg-types'
import { SessionPanel } from './support/demo'
import { failedCheckStories } from './support/failed-check-stories'
import { playground } from './support/playground'
import { storyRequests } from './support/requests'
import {
  changedInAnotherTabStory,
  expiresWhileOpenStory,
  signedOutInAnotherTabStory,
  signOutStory,
} from './support/session-stories'
import { sessionState } from './support/session-state'
import { settle } from './support/settle'
import { storySession, type PlayContext } from './support/story-context'
import { expectNoToast, expectOneToast, holdToast, visibleToasts } from './support/toasts'
import { EVENTUAL_WAIT_MS, SLOW_WAIT_MS } from './support/timing'
import usage from './usage/expiry-toast.tsx?raw'

/** The toast per lost reason: a reason without its text here (or its story, see the end) fails `tsc`. */
const LOST_TEXT = {
  expired: 'Your session has expired. Please sign in again.',
  invalid: 'Your session is no longer valid. Please sign in again.',
  revoked: 'Your access has been revoked. Please sign in again.',
} as const satisfies Record<LostSessionReason, string>
const { expired: EXPIRED_TEXT, invalid: INVALID_TEXT, revoked: REVOKED_TEXT } = LOST_TEXT
/** The early warning for `expiringSoon` (two minutes left) under a five-minute `warnBefore`. */
const WARNING_TEXT = 'Your session expires in 2 minutes.'

const meta = {
  title: 'Client/ExpiryToast',
  component: ExpiryToast,
  argTypes: {
    warnBefore: WARN_BEFORE_CONTROL,
    messages: notEditable('Partial<ExpiryToastMessages>'),
  },
  parameters: {
    componentPage: { item: 'expiry-toast', usage },
    docs: {
      description: {
        component:
          "One sonner toast when the session is lost (expired, invalid or revoked), with a 'Sign in' action that brings the user back.",
      },
    },
    session: {},
    nextjs: { navigation: { pathname: '/dashboard' } },
  },
  // The panel shows the session the toast reacts to, and has the sign-out button. A decorator,
  // so "Show code" shows only what an app writes: <ExpiryToast />.
  decorators: [
    (Story) => (
      <>
        <Story />
        <SessionPanel />
      </>
    ),
  ],
} satisfies Meta<typeof ExpiryToast>

export default meta
type Story = StoryObj<typeof meta>

// The docs page's "States" shows one story per state a reader looks for; behaviour tests carry
// `tags: ['!autodocs']` written in the story (Storybook reads tags from the file, not from a
// helper's result): they stay in the sidebar and run as tests.

async function expectNoNavigation() {
  await settle()
  await expect(getRouter().replace).not.toHaveBeenCalled()
  await expect(getRouter().push).not.toHaveBeenCalled()
}

/** One toast with `text`, still one after the mount check re-confirmed the loss; it stays open. */
function showsExpiryToast(text: string) {
  return async (context: PlayContext) => {
    await holdToast(await expectOneToast(text))
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1), {
      timeout: EVENTUAL_WAIT_MS,
    })
    await settle()
    await expectOneToast(text)
  }
}

/** A failing check: the user stays signed in, and an error is never an expiry. */
async function errorWithoutToast(context: PlayContext) {
  await expect(await within(context.canvasElement).findByRole('alert')).toHaveTextContent(
    'Session request failed',
  )
  await expectNoToast()
  await expectNoNavigation()
}

/** Signed in and nothing to say: no toast, no navigation. */
async function signedInQuietly(context: PlayContext) {
  await expect(
    await within(context.canvasElement).findByText('Status: authenticated'),
  ).toBeVisible()
  await expectNoToast()
  await expectNoNavigation()
}

/** Two minutes left, inside the five-minute window: one early warning, not the expiry toast. */
async function warnsEarly() {
  await holdToast(await expectOneToast(WARNING_TEXT))
  await expectNoNavigation()
  await expectOneToast(WARNING_TEXT)
}

/** Never signed in: nothing was lost, no toast. */
async function anonymousQuietly(context: PlayContext) {
  await expect(await within(context.canvasElement).findByText('Reason: missing')).toBeVisible()
  await expectNoToast()
  await expectNoNavigation()
}

/** No session from the layout: loading until the slow answer signs alice in; no toast. */
async function loadsQuietly(context: PlayContext) {
  await expect(within(context.canvasElement).getByText('Status: loading')).toBeVisible()
  await expect(
    await within(context.canvasElement).findByText(
      'Status: authenticated',
      {},
      { timeout: SLOW_WAIT_MS },
    ),
  ).toBeVisible()
  await expectNoToast()
}

export const Authenticated: Story = {
  ...sessionState('authenticated'),
  play: signedInQuietly,
}

export const ExpiringSoon: Story = {
  args: { warnBefore: 5 * MINUTE_MS },
  ...sessionState('expiringSoon'),
  play: warnsEarly,
}

export const Expired: Story = {
  ...sessionState('expired'),
  play: showsExpiryToast(EXPIRED_TEXT),
}

export const SignInFromToast: Story = {
  tags: ['!autodocs'],
  ...sessionState('expired'),
  // The toast's 'Sign in' goes to the login page and back here after, and closes the toast.
  play: async (context) => {
    await Expired.play?.(context)
    const [toast] = visibleToasts()
    if (!toast) throw new Error('expected the expiry toast')
    await userEvent.click(within(toast).getByRole('button', { name: 'Sign in' }))
    await expect(getRouter().push).toHaveBeenCalledWith('/auth?next=%2Fdashboard')
    await expect(getRouter().push).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(visibleToasts()).toHaveLength(0))
  },
}

export const Anonymous: Story = {
  ...sessionState('anonymous'),
  play: anonymousQuietly,
}

export const Invalid: Story = {
  ...sessionState('invalid'),
  play: showsExpiryToast(INVALID_TEXT),
}

export const Revoked: Story = {
  ...sessionState('revoked'),
  play: showsExpiryToast(REVOKED_TEXT),
}

const failedCheck = failedCheckStories(errorWithoutToast)
export const ServerError: Story = failedCheck.serverError
/** The revocation store is down (503): alice stays signed in, with the error and no toast. */
export const StoreUnavailable: Story = failedCheck.storeUnavailable
export const RateLimited: Story = { ...failedCheck.rateLimited, tags: ['!autodocs'] }
export const NetworkError: Story = { ...failedCheck.networkError, tags: ['!autodocs'] }
export const Malformed: Story = { ...failedCheck.malformed, tags: ['!autodocs'] }

export const Slow: Story = {
  ...sessionState('slow'),
  play: loadsQuietly,
}

export const SignOut: Story = {
  tags: ['!autodocs'],
  ...signOutStory('signOutSucceeds', Authenticated.play, async (context) => {
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/auth'))
    await expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    // Leaving on purpose is not an expiry.
    await expectNoToast()
  }),
}

export const SignOutFails: Story = {
  tags: ['!autodocs'],
  ...signOutStory('signOutFails', Authenticated.play, async (context) => {
    await expect(await within(context.canvasElement).findByRole('alert')).toHaveTextContent(
      'http (500)',
    )
    await expectNoToast()
    await expectNoNavigation()
  }),
}

export const SignedOutInAnotherTab: Story = {
  ...signedOutInAnotherTabStory(Authenticated.play, async (context) => {
    await expect(await within(context.canvasElement).findByText('Reason: signed-out')).toBeVisible()
    // The same user left, in another tab: no toast here either.
    await expectNoToast()
  }),
  tags: ['!autodocs'],
}

/**
 * Another tab's check found the session revoked (signed out on another device, or every session
 * ended): this tab shows its own one toast, without a request of its own.
 */
export const RevokedInAnotherTab: Story = {
  ...changedInAnotherTabStory(
    'authenticated',
    () => unauthenticatedPayload('revoked'),
    signedInQuietly,
    async () => {
      await holdToast(await expectOneToast(REVOKED_TEXT))
    },
  ),
  tags: ['!autodocs'],
}

export const ReasonFromServerRedirect: Story = {
  tags: ['!autodocs'],
  // The proxy found an expired cookie, deleted it and redirected here.
  ...sessionState('anonymous', {
    navigation: { pathname: '/auth', query: { next: '/dashboard', reason: 'expired' } },
  }),
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
  tags: ['!autodocs'],
  // verifySession() redirected, but a Server Component cannot delete the cookie: the layout
  // still says `expired`, and the URL says so too. Two signals, one loss, one toast.
  ...sessionState('expired', {
    navigation: { pathname: '/auth', query: { next: '/dashboard', reason: 'expired' } },
  }),
  play: async (context) => {
    await ReasonFromServerRedirect.play?.(context)
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
    await settle()
    await expectOneToast(EXPIRED_TEXT)
  },
}

export const UnknownReasonParam: Story = {
  tags: ['!autodocs'],
  ...sessionState('anonymous', {
    navigation: { pathname: '/auth', query: { reason: 'hacked' } },
  }),
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
  tags: ['!autodocs'],
  // A crafted link to a signed-in user: "/dashboard?reason=revoked" must not say "revoked".
  ...sessionState('authenticated', {
    navigation: { pathname: '/dashboard', query: { tab: 'usage', reason: 'revoked' } },
  }),
  play: async (context) => {
    await expectReasonStrippedSilently('/dashboard?tab=usage')
    await expect(storySession(context)).toMatchObject({
      status: 'authenticated',
      user: alice,
    })
  },
}

export const ReasonParamWhileSignedInOnLoginPath: Story = {
  tags: ['!autodocs'],
  // The same link to the login path: the proxy lets a signed-in user through with a lost-session
  // reason (a revoked user must not loop), and the guest gate sends them home; no toast.
  ...sessionState('authenticated', {
    navigation: { pathname: '/auth', query: { next: '/dashboard', reason: 'revoked' } },
  }),
  play: () => expectReasonStrippedSilently('/auth?next=%2Fdashboard'),
}

export const ReasonParamOffLoginPath: Story = {
  tags: ['!autodocs'],
  // Signed out, but not on the login path: no server redirect ends here, so no toast.
  ...sessionState('anonymous', {
    navigation: { pathname: '/pricing', query: { reason: 'expired' } },
  }),
  play: () => expectReasonStrippedSilently('/pricing'),
}

// Found by the timer at expiresAt, not by polling before it (expiresWhileOpenStory checks it).
export const ExpiresWhileOpen: Story = {
  tags: ['!autodocs'],
  ...expiresWhileOpenStory(expectNoToast, async () => {
    await expectOneToast(EXPIRED_TEXT)
  }),
}

export const CustomMessages: Story = {
  args: { messages: { expired: 'Ihre Sitzung ist abgelaufen.', signIn: 'Anmelden' } },
  ...sessionState('expired'),
  play: async () => {
    const toast = await expectOneToast('Ihre Sitzung ist abgelaufen.')
    await holdToast(toast)
    await expect(within(toast).getByRole('button', { name: 'Anmelden' })).toBeInTheDocument()
  },
}

/** The first check failed and nothing is known: the error, and still no toast. */
async function firstCheckFailsQuietly(context: PlayContext) {
  await errorWithoutToast(context)
  await expect(within(context.canvasElement).getByText('Status: error')).toBeVisible()
}

export const Playground: Story = {
  tags: ['!autodocs'],
  // Five minutes: `expiringSoon` (two left) shows the early warning.
  args: { warnBefore: 5 * MINUTE_MS },
  ...playground({
    authenticated: signedInQuietly,
    expiringSoon: warnsEarly,
    expired: showsExpiryToast(EXPIRED_TEXT),
    invalid: showsExpiryToast(INVALID_TEXT),
    revoked: showsExpiryToast(REVOKED_TEXT),
    anonymous: anonymousQuietly,
    serverError: firstCheckFailsQuietly,
    storeUnavailable: firstCheckFailsQuietly,
    rateLimited: firstCheckFailsQuietly,
    networkError: firstCheckFailsQuietly,
    malformed: firstCheckFailsQuietly,
    slow: loadsQuietly,
  }),
}

// One story per lost reason, each on the docs page: a new reason without its story fails `tsc`.
void ({ expired: Expired, invalid: Invalid, revoked: Revoked } satisfies Record<
  LostSessionReason,
  Story
>)
