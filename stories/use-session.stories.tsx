import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { getRouter } from '@storybook/nextjs-vite/navigation.mock'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  authenticatedPayload,
  DEFAULT_SESSION_MS,
  SECOND_MS,
  STORE_DOWN_RETRY_AFTER_SECONDS,
  unauthenticatedPayload,
} from '../mocks/fixtures/sessions'
import { alice, grace } from '../mocks/fixtures/users'
import { countedSignedInAs } from '../mocks/handlers/session'
import type { LostSessionReason, SessionRequestErrorKind } from '@/lib/session/shared/types'
import { SessionPanel } from './support/demo'
import { mockNavigation, storyNavigation } from './support/navigation'
import { listenAsAnotherTab } from './support/other-tab'
import { failedCheckStory } from './support/failed-check-stories'
import { playground } from './support/playground'
import { storyRequests } from './support/requests'
import {
  changedInAnotherTabStory,
  lostSessionStory,
  signedOutInAnotherTabStory,
  signOutStory,
} from './support/session-stories'
import { sessionState } from './support/session-state'
import { settle } from './support/settle'
import { storySession, storySignedInSession, type PlayContext } from './support/story-context'
import { EVENTUAL_WAIT_MS, SLOW_WAIT_MS } from './support/timing'
import { focusWindowFirst } from './support/window-focus'
import usage from './usage/use-session.tsx?raw'

const meta = {
  title: 'Client/useSession',
  component: SessionPanel,
  parameters: {
    session: { provider: { retryBaseMs: 100 } },
    nextjs: { navigation: { pathname: '/dashboard' } },
    componentPage: { item: 'use-session', usage },
    docs: {
      description: {
        component:
          '`useSession()` returns the session, its status and last error, with `refresh()` and `signOut()`.',
      },
    },
  },
} satisfies Meta<typeof SessionPanel>

export default meta
type Story = StoryObj<typeof meta>

// The docs page's "States" shows one story per state a reader looks for; behaviour tests carry
// `tags: ['!autodocs']` written in the story (Storybook reads tags from the file, not from a
// helper's result): they stay in the sidebar and run as tests.

const canvasOf = (context: PlayContext) => within(context.canvasElement)

async function expectSignedIn(context: PlayContext) {
  await expect(await canvasOf(context).findByText(`Signed in as ${alice.name}`)).toBeVisible()
  await expect(canvasOf(context).getByText('Status: authenticated')).toBeVisible()
  await expect(storySession(context)).toMatchObject({
    status: 'authenticated',
    user: alice,
  })
}

/** Signed in, and nothing failed. */
async function signedInWithoutError(context: PlayContext) {
  await expectSignedIn(context)
  await expect(canvasOf(context).queryByRole('alert')).toBeNull()
}

export const Authenticated: Story = {
  ...sessionState('authenticated'),
  play: signedInWithoutError,
}

export const ExpiringSoon: Story = {
  ...sessionState('expiringSoon'),
  play: signedInWithoutError,
}

/** The panel shows the loss, with no error alert (a loss is an answer, not a failure). */
function showsReason(reason: LostSessionReason) {
  return async (context: PlayContext) => {
    await expect(await canvasOf(context).findByText(`Reason: ${reason}`)).toBeVisible()
    await expect(canvasOf(context).queryByRole('alert')).toBeNull()
  }
}

/** The user asks again; `error` explains the failure while `session` keeps alice. */
async function checkAgain(context: PlayContext) {
  await focusWindowFirst(context)
  await userEvent.click(canvasOf(context).getByRole('button', { name: 'Check again' }))
}
function explainsFailure(message: string) {
  return async (context: PlayContext) => {
    await expect(await canvasOf(context).findByRole('alert')).toHaveTextContent(
      `Session request failed: ${message}`,
    )
    await expectSignedIn(context)
  }
}

export const Expired: Story = lostSessionStory('expired', showsReason('expired'))
export const Invalid: Story = lostSessionStory('invalid', showsReason('invalid'))
export const Revoked: Story = lostSessionStory('revoked', showsReason('revoked'))

/** Never signed in: the layout's answer stands, no request. */
async function anonymous(context: PlayContext) {
  await expect(await canvasOf(context).findByText('Reason: missing')).toBeVisible()
  await settle()
  await expect(storyRequests(context).gets()).toBe(0)
}

export const Anonymous: Story = {
  ...sessionState('anonymous'),
  play: anonymous,
}

const serverError = failedCheckStory('serverError', explainsFailure('http (500)'), checkAgain)
export const ServerError: Story = {
  ...serverError,
  play: async (context) => {
    await serverError.play(context)
    // And it retries on its own (backoff), still without signing alice out.
    const asked = storyRequests(context).gets()
    await waitFor(() => expect(storyRequests(context).gets()).toBeGreaterThan(asked), {
      timeout: EVENTUAL_WAIT_MS,
    })
    await expectSignedIn(context)
  },
}
/** How long a story waits for a retry after a 503: its Retry-After, plus the usual slack. */
const STORE_RETRY_WAIT_MS = STORE_DOWN_RETRY_AFTER_SECONDS * SECOND_MS + EVENTUAL_WAIT_MS

const storeUnavailable = failedCheckStory(
  'storeUnavailable',
  explainsFailure('http (503)'),
  checkAgain,
)
/** The revocation store is down: the check answers 503, alice stays, and the error says why. */
export const StoreUnavailable: Story = storeUnavailable

/** The store comes back: the retry (after Retry-After: 5 s) clears the error; alice never left. */
export const StoreUnavailableRecovers: Story = {
  tags: ['!autodocs'],
  ...storeUnavailable,
  play: async (context) => {
    await storeUnavailable.play(context)
    const back = countedSignedInAs(alice)
    context.msw.use(back.handler)
    await waitFor(() => expect(back.count()).toBe(1), { timeout: STORE_RETRY_WAIT_MS })
    await waitFor(() => expect(canvasOf(context).queryByRole('alert')).toBeNull())
    await signedInWithoutError(context)
  },
}

export const RateLimited: Story = {
  ...failedCheckStory('rateLimited', explainsFailure('http (429)'), checkAgain),
  tags: ['!autodocs'],
}
export const NetworkError: Story = {
  ...failedCheckStory('networkError', explainsFailure('network'), checkAgain),
  tags: ['!autodocs'],
}
export const Malformed: Story = {
  ...failedCheckStory('malformed', explainsFailure('malformed'), checkAgain),
  tags: ['!autodocs'],
}

/** No session from the layout: loading until the slow answer signs alice in. */
async function loadsAlice(context: PlayContext) {
  await expect(canvasOf(context).getByText('Status: loading')).toBeVisible()
  await waitFor(() => expect(canvasOf(context).getByText('Status: authenticated')).toBeVisible(), {
    timeout: SLOW_WAIT_MS,
  })
  await expectSignedIn(context)
}

export const Slow: Story = {
  ...sessionState('slow'),
  play: loadsAlice,
}

export const Refresh: Story = {
  tags: ['!autodocs'],
  ...sessionState('authenticated'),
  play: async (context) => {
    await Authenticated.play?.(context)
    await expect(storyRequests(context).gets()).toBe(0)
    await focusWindowFirst(context)
    // The button asks even right after the focus check (no throttle): one more request.
    await userEvent.click(canvasOf(context).getByRole('button', { name: 'Check again' }))
    await waitFor(() => expect(storyRequests(context).gets()).toBe(2))
    await expectSignedIn(context)
  },
}

export const SignOut: Story = {
  tags: ['!autodocs'],
  ...signOutStory('signOutSucceeds', Authenticated.play, async (context) => {
    await expect(await canvasOf(context).findByText('Reason: signed-out')).toBeVisible()
    await expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/auth'))
    await expect(getRouter().replace).toHaveBeenCalledTimes(1)
    await expect(storyRequests(context).deletes()).toBe(1)
  }),
}

export const SignOutThenRedirect: Story = {
  tags: ['!autodocs'],
  ...sessionState('authenticated'),
  beforeEach: (context) => mockNavigation(context, '/dashboard'),
  // The router then lands on /auth: a pathname change, which normally re-checks the session.
  // Signed out moments ago, there is nothing to ask: one DELETE, no GET (the bench had 1 + 1).
  play: async (context) => {
    await SignOut.play?.(context)
    // Only the focus check before the click (focusWindowFirst), none after the sign-out.
    await expect(storyRequests(context).gets()).toBe(1)
    storyNavigation(context).navigate('/auth')
    await settle()
    await expect(storyRequests(context).gets()).toBe(1)
    await expect(storyRequests(context).deletes()).toBe(1)
    await expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  },
}

/**
 * Another tab found the session revoked; this tab's gate then sends the user to the login page,
 * a pathname change, which normally re-checks the session. The other tab's answer already
 * cleared the cookie: no GET here, before or after.
 */
const revokedInAnotherTab = changedInAnotherTabStory(
  'authenticated',
  () => unauthenticatedPayload('revoked'),
  signedInWithoutError,
  showsReason('revoked'),
)
export const RevokedInAnotherTabThenRedirect: Story = {
  tags: ['!autodocs'],
  ...revokedInAnotherTab,
  beforeEach: (context) => mockNavigation(context, '/dashboard'),
  play: async (context) => {
    await revokedInAnotherTab.play(context)
    storyNavigation(context).navigate('/auth')
    await settle()
    await expect(storyRequests(context).gets()).toBe(0)
    await expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'revoked' })
  },
}

export const SignOutFails: Story = {
  tags: ['!autodocs'],
  ...signOutStory('signOutFails', Authenticated.play, async (context) => {
    await expect(await canvasOf(context).findByRole('alert')).toHaveTextContent(
      'Session request failed: http (500)',
    )
    await expectSignedIn(context)
    await expect(storyRequests(context).deletes()).toBe(1)
    await settle()
    await expect(getRouter().replace).not.toHaveBeenCalled()
  }),
}

/**
 * The server changed the session after the page loaded (here: grace is signed in now, as after
 * an admin's change). `update()` asks again, resolves with it, and tells the other tabs.
 */
export const UpdateAfterServerChange: Story = {
  tags: ['!autodocs'],
  ...sessionState('authenticated'),
  play: async (context) => {
    await Authenticated.play?.(context)
    await focusWindowFirst(context)
    const changed = countedSignedInAs(grace)
    context.msw.use(changed.handler)
    const otherTab = listenAsAnotherTab(context)
    try {
      await userEvent.click(canvasOf(context).getByRole('button', { name: 'Update session' }))
      await expect(await canvasOf(context).findByText(`Signed in as ${grace.name}`)).toBeVisible()
      await expect(changed.count()).toBe(1)
      await waitFor(() =>
        expect(otherTab.received()).toEqual([
          expect.objectContaining({
            type: 'session',
            payload: expect.objectContaining({ user: grace }),
          }),
        ]),
      )
    } finally {
      otherTab.close()
    }
  },
}

/** Another tab's check found the session renewed: this tab's expiresAt moves, with no request. */
export const RenewedInAnotherTab: Story = {
  tags: ['!autodocs'],
  ...changedInAnotherTabStory(
    'authenticated',
    () => authenticatedPayload(alice, 2 * DEFAULT_SESSION_MS),
    signedInWithoutError,
    async (context) => {
      await waitFor(() =>
        expect(storySignedInSession(context).expiresAt).toBeGreaterThan(
          Date.now() + DEFAULT_SESSION_MS,
        ),
      )
      await signedInWithoutError(context)
    },
  ),
}

export const SignOutStoreUnavailable: Story = {
  tags: ['!autodocs'],
  // The server cleared the cookie but could not record the revocation: signed out at once, here
  // and in the other tabs, and the DELETE is retried after Retry-After (5 s).
  ...signOutStory('signOutStoreUnavailable', Authenticated.play, async (context) => {
    await expect(await canvasOf(context).findByText('Reason: signed-out')).toBeVisible()
    await expect(canvasOf(context).queryByRole('alert')).toBeNull()
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/auth'))
    await expect(getRouter().replace).toHaveBeenCalledTimes(1)
    await settle()
    await expect(storyRequests(context).deletes()).toBe(1) // no retry before Retry-After
    await waitFor(() => expect(storyRequests(context).deletes()).toBe(2), {
      timeout: STORE_RETRY_WAIT_MS,
    })
    await expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  }),
}

export const SignedOutInAnotherTab: Story = {
  ...signedOutInAnotherTabStory(Authenticated.play, async (context) => {
    await expect(await canvasOf(context).findByText('Reason: signed-out')).toBeVisible()
    // Only this tab's own sign-out navigates; here a SessionGate would (see its story).
    await settle()
    await expect(getRouter().replace).not.toHaveBeenCalled()
    await expect(storyRequests(context).gets()).toBe(0)
  }),
  tags: ['!autodocs'],
}

/** The first check failed and nothing is known: the status says error, and why. */
function firstCheckFailed(kind: SessionRequestErrorKind) {
  return async (context: PlayContext) => {
    await expect(await canvasOf(context).findByRole('alert')).toHaveTextContent(
      `Session request failed: ${kind}`,
    )
    await expect(canvasOf(context).getByText('Status: error')).toBeVisible()
  }
}

export const Playground: Story = {
  ...playground({
    authenticated: signedInWithoutError,
    expiringSoon: signedInWithoutError,
    expired: showsReason('expired'),
    invalid: showsReason('invalid'),
    revoked: showsReason('revoked'),
    anonymous,
    serverError: firstCheckFailed('http'),
    storeUnavailable: firstCheckFailed('http'),
    rateLimited: firstCheckFailed('http'),
    networkError: firstCheckFailed('network'),
    malformed: firstCheckFailed('malformed'),
    slow: loadsAlice,
  }),
  tags: ['!autodocs'],
}
