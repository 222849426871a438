import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { Fragment } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import {
  EXPIRING_SOON_MS,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  SECOND_MS,
  SLOW_RESPONSE_MS,
  unauthenticatedPayload,
} from '../mocks/fixtures/sessions'
import { alice } from '../mocks/fixtures/users'
import { userAtom } from '@/lib/session/client/atoms'
import { SessionProvider } from '@/lib/session/client/session-provider'
import type { SessionFetcher } from '@/lib/session/client/session-options'
import type { SessionRequestErrorKind, UnauthenticatedReason } from '@/lib/session/shared/types'
import {
  durationControl,
  notEditable,
  OPTIONAL_INTERVAL_CONTROL,
  REACT_NODE_ARG,
} from './support/arg-types'
import { SessionInspector, SessionPanel } from './support/demo'
import { LayoutRerender } from './support/layout-rerender'
import { mockNavigation, storyNavigation } from './support/navigation'
import { signOutInAnotherTab } from './support/other-tab'
import { playground } from './support/playground'
import { storyFetcher, storyRequests } from './support/requests'
import {
  expiresWhileOpenStory,
  signedOutInAnotherTabStory,
  signOutStory,
} from './support/session-stories'
import { noInitialSession, sessionState, signedIn, storyScenario } from './support/session-state'
import { settle, wait } from './support/settle'
import {
  storyChannelName,
  storyInitialSession,
  storySession,
  storySignedInSession,
  storyStore,
  type PlayContext,
} from './support/story-context'
import { EVENTUAL_WAIT_MS, EXPIRY_WAIT_MS, SHORT_SESSION_MS, SLOW_WAIT_MS } from './support/timing'
import usage from './usage/session-provider.tsx?raw'

/** Every request goes through this spy first: a request started counts even before MSW answers. */
const fetcher = fn<SessionFetcher>((input, init) => fetch(input, init)).mockName('fetcher')
/** Fast retries so a failing story sees its retry within a second. */
const FAST_RETRY_MS = 100
/** Props the decorator below adds for the story's sake; an app leaves them out or passes its own. */
const STORY_WIRING = new Set(['store', 'initialSession', 'channelName', 'fetcher'])

const meta = {
  title: 'Client/SessionProvider',
  component: SessionProvider,
  args: { children: <SessionInspector /> },
  argTypes: {
    children: REACT_NODE_ARG,
    initialSession: notEditable('SessionPayload | null'),
    store: notEditable('Store (jotai)'),
    fetcher: notEditable('SessionFetcher'),
    channelName: { control: false },
    requestTimeoutMs: durationControl(30 * SECOND_MS),
    retryBaseMs: durationControl(10 * SECOND_MS),
    retryMaxMs: durationControl(120 * SECOND_MS, SECOND_MS),
    refetchInterval: OPTIONAL_INTERVAL_CONTROL,
  },
  parameters: {
    componentPage: { item: 'session-provider', usage },
    docs: {
      description: {
        component:
          "Holds the session in a jotai store, checks it with the route handler only when it must, and shares sign-outs across tabs: wrap your root layout's body in it.",
      },
    },
    // These stories render the provider themselves (preview.tsx would wrap them in a second one).
    session: { decorate: false },
    nextjs: { navigation: { pathname: '/dashboard' } },
    // "Show code" shows the provider as an app writes it, without the story's wiring.
    jsx: {
      filterProps: (value: unknown, key: string) => value !== undefined && !STORY_WIRING.has(key),
    },
  },
  // The story's own store (its play functions read it), the layout's session, a channel no other
  // story hears, and the counting fetcher; a new toolbar value remounts it as a new page load.
  decorators: [
    (Story, context) => (
      <Fragment key={storyScenario(context)}>
        <Story
          args={{
            ...context.args,
            store: storyStore(context),
            initialSession: storyInitialSession(context),
            channelName: storyChannelName(context),
            fetcher: storyFetcher(context.id, fetcher),
          }}
        />
      </Fragment>
    ),
  ],
} satisfies Meta<typeof SessionProvider>

export default meta
type Story = StoryObj<typeof meta>

// The docs page's "States" shows one story per state a reader looks for; behaviour tests carry
// `tags: ['!autodocs']` written in the story (Storybook reads tags from the file, not from a
// helper's result): they stay in the sidebar and run as tests.
type Context = PlayContext

async function expectSignedInAsAlice(context: Context) {
  await expect(
    await within(context.canvasElement).findByText(alice.name, {}, { timeout: EVENTUAL_WAIT_MS }),
  ).toBeVisible()
  await expect(storySession(context)).toMatchObject({ status: 'authenticated', user: alice })
  await expect(storyStore(context).get(userAtom)).toEqual(alice)
}

/** initialSession from the layout: no request on mount; afterwards the `online` event checks once. */
async function expectNoRequestOnMount(context: Context) {
  await settle()
  await expect(fetcher).not.toHaveBeenCalled()
  await expect(storyRequests(context).gets()).toBe(0)
}

/** The layout saw a stale cookie: exactly one request, so the route handler can delete it. */
async function expectOneCheckEnding(context: Context, reason: UnauthenticatedReason) {
  await waitFor(() => expect(storyRequests(context).gets()).toBe(1), { timeout: EVENTUAL_WAIT_MS })
  await waitFor(
    () => expect(storySession(context)).toEqual({ status: 'unauthenticated', reason }),
    {
      timeout: EVENTUAL_WAIT_MS,
    },
  )
  await expect(storyStore(context).get(userAtom)).toBeNull()
  await settle()
  await expect(storyRequests(context).gets()).toBe(1)
}

/** A check fails: the user stays, the error says why. */
async function expectErrorKeepingAlice(
  context: Context,
  kind: SessionRequestErrorKind,
  httpStatus?: number,
) {
  window.dispatchEvent(new Event('online'))
  await waitFor(
    () =>
      expect(storySession(context)).toEqual({
        status: 'authenticated',
        user: alice,
        expiresAt: expect.any(Number),
        error: expect.objectContaining({
          kind,
          ...(httpStatus === undefined ? {} : { httpStatus }),
        }),
      }),
    { timeout: EVENTUAL_WAIT_MS },
  )
  await expect(storyStore(context).get(userAtom)).toEqual(alice)
  await expect(within(context.canvasElement).getByText(kind)).toBeVisible()
}

export const Authenticated: Story = {
  ...sessionState('authenticated'),
  play: async (context) => {
    await expectSignedInAsAlice(context)
    await expectNoRequestOnMount(context)
    // Back online: one check, and still alice.
    window.dispatchEvent(new Event('online'))
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
    await expectSignedInAsAlice(context)
  },
}

export const ExpiringSoon: Story = {
  ...sessionState('expiringSoon'),
  play: async (context) => {
    await expectSignedInAsAlice(context)
    const state = storySignedInSession(context)
    await expect(state.expiresAt - Date.now()).toBeGreaterThan(EXPIRING_SOON_MS - 10 * SECOND_MS)
    await expect(state.expiresAt - Date.now()).toBeLessThanOrEqual(EXPIRING_SOON_MS)
    // The expiry timer waits for expiresAt: no polling meanwhile.
    await expectNoRequestOnMount(context)
  },
}

export const Expired: Story = {
  ...sessionState('expired'),
  play: (context) => expectOneCheckEnding(context, 'expired'),
}

/** No cookie, nothing to delete: the layout's answer stands, without a request. */
async function expectAnonymous(context: Context) {
  await expect(await within(context.canvasElement).findByText('missing')).toBeVisible()
  await expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'missing' })
  await expect(storyStore(context).get(userAtom)).toBeNull()
  await expectNoRequestOnMount(context)
}

export const Anonymous: Story = {
  ...sessionState('anonymous'),
  play: expectAnonymous,
}

export const Invalid: Story = {
  ...sessionState('invalid'),
  play: (context) => expectOneCheckEnding(context, 'invalid'),
}

export const Revoked: Story = {
  ...sessionState('revoked'),
  play: (context) => expectOneCheckEnding(context, 'revoked'),
}

export const ServerError: Story = {
  args: { retryBaseMs: FAST_RETRY_MS },
  ...sessionState('serverError', { initialSession: signedIn(alice) }),
  play: async (context) => {
    await expectErrorKeepingAlice(context, 'http', 500)
    // It retries by itself (backoff), and a 500 never signs alice out.
    await waitFor(() => expect(storyRequests(context).gets()).toBeGreaterThanOrEqual(2), {
      timeout: EVENTUAL_WAIT_MS,
    })
    await expect(storySession(context)).toMatchObject({ status: 'authenticated', user: alice })
  },
}

export const RateLimited: Story = {
  tags: ['!autodocs'],
  // A fast backoff: without Retry-After the retry would come after FAST_RETRY_MS.
  args: { retryBaseMs: FAST_RETRY_MS },
  ...sessionState('rateLimited', { initialSession: signedIn(alice) }),
  play: async (context) => {
    await expectErrorKeepingAlice(context, 'http', 429)
    await expect(storySession(context)).toMatchObject({
      error: { retryAfterMs: RATE_LIMIT_RETRY_AFTER_SECONDS * SECOND_MS },
    })
    // Ten backoffs later, still one request: Retry-After (30 s) wins over the backoff.
    await wait(10 * FAST_RETRY_MS)
    await expect(storyRequests(context).gets()).toBe(1)
  },
}

export const NetworkError: Story = {
  tags: ['!autodocs'],
  ...sessionState('networkError', { initialSession: signedIn(alice) }),
  play: (context) => expectErrorKeepingAlice(context, 'network'),
}

/** No initialSession: loading until the (1.5 s) answer, then signed in after one request. */
async function expectLoadingThenAlice(context: Context) {
  await expect(storySession(context)).toEqual({ status: 'loading' })
  await expect(within(context.canvasElement).getByText('loading')).toBeVisible()
  await waitFor(() => expect(storySession(context)).toMatchObject({ status: 'authenticated' }), {
    timeout: SLOW_WAIT_MS,
  })
  await expectSignedInAsAlice(context)
  await expect(storyRequests(context).gets()).toBe(1)
}

export const Slow: Story = {
  ...sessionState('slow'),
  play: expectLoadingThenAlice,
}

export const Malformed: Story = {
  tags: ['!autodocs'],
  ...sessionState('malformed', { initialSession: signedIn(alice) }),
  play: (context) => expectErrorKeepingAlice(context, 'malformed'),
}

export const Timeout: Story = {
  tags: ['!autodocs'],
  args: { requestTimeoutMs: 300 },
  ...sessionState('slow', { initialSession: signedIn(alice) }),
  play: (context) => expectErrorKeepingAlice(context, 'timeout'),
}

/** Nothing known and the check failed: the `error` state, never "signed out". */
function expectFirstCheckFailed(kind: SessionRequestErrorKind) {
  return async (context: Context) => {
    await waitFor(() =>
      expect(storySession(context)).toEqual({
        status: 'error',
        error: expect.objectContaining({ kind }),
      }),
    )
    await expect(storyStore(context).get(userAtom)).toBeNull()
    await expect(within(context.canvasElement).getByText(kind)).toBeVisible()
  }
}

export const FirstCheckFails: Story = {
  tags: ['!autodocs'],
  args: { retryBaseMs: FAST_RETRY_MS },
  ...sessionState('serverError', { initialSession: noInitialSession }),
  play: async (context) => {
    await expectFirstCheckFailed('http')(context)
    await expect(storySession(context)).toMatchObject({ error: { httpStatus: 500 } })
    // ... and it keeps trying.
    await waitFor(() => expect(storyRequests(context).gets()).toBeGreaterThanOrEqual(2), {
      timeout: EVENTUAL_WAIT_MS,
    })
  },
}

export const SignedOutInAnotherTab: Story = {
  ...signedOutInAnotherTabStory(expectSignedInAsAlice, async (context) => {
    await expect(storyStore(context).get(userAtom)).toBeNull()
    await expect(within(context.canvasElement).getByText('signed-out')).toBeVisible()
    // The other tab's word is enough: no request.
    await expect(storyRequests(context).gets()).toBe(0)
  }),
  tags: ['!autodocs'],
}

export const Navigation: Story = {
  tags: ['!autodocs'],
  ...sessionState('authenticated'),
  beforeEach: (context) => mockNavigation(context, '/dashboard'),
  play: async (context) => {
    await expectSignedInAsAlice(context)
    await expectNoRequestOnMount(context)
    storyNavigation(context).navigate('/settings')
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
    await settle()
    await expect(storyRequests(context).gets()).toBe(1)
  },
}

export const FocusStorm: Story = {
  tags: ['!autodocs'],
  ...sessionState('authenticated'),
  play: async (context) => {
    await expectSignedInAsAlice(context)
    window.dispatchEvent(new Event('focus'))
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1))
    await fetcher.mock.results[0]?.value
    // 19 more, after the first check answered (so joining it in flight is not what saves us).
    for (let focus = 1; focus < 20; focus++) {
      window.dispatchEvent(new Event('focus'))
      await settle()
    }
    // 20 focus events in a row: one check (throttled to one per FOCUS_THROTTLE_MS).
    await expect(storyRequests(context).gets()).toBe(1)
    await expect(fetcher).toHaveBeenCalledTimes(1)
  },
}

// The timer at expiresAt checks once, without polling before (expiresWhileOpenStory checks it).
export const ExpiresWhileOpen: Story = {
  tags: ['!autodocs'],
  ...expiresWhileOpenStory(
    async (context) => {
      await expectSignedInAsAlice(context)
      await expect(storyRequests(context).gets()).toBe(0)
    },
    async (context) => {
      await expect(storyStore(context).get(userAtom)).toBeNull()
    },
  ),
}

export const CookieGoneAtExpiry: Story = {
  tags: ['!autodocs'],
  // The browser drops a cookie at its `expires`: the server then sees no cookie at all.
  ...sessionState('anonymous', { initialSession: signedIn(alice, SHORT_SESSION_MS) }),
  play: async (context) => {
    await expectSignedInAsAlice(context)
    // ... and the client still calls it an expiry (it knew the session ended then).
    await waitFor(
      () => expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'expired' }),
      {
        timeout: EXPIRY_WAIT_MS,
      },
    )
    await expect(storyRequests(context).gets()).toBe(1)
  },
}

export const StaleAnswerDropped: Story = {
  tags: ['!autodocs'],
  ...sessionState('slow', { initialSession: signedIn(alice) }),
  play: async (context) => {
    await expectSignedInAsAlice(context)
    window.dispatchEvent(new Event('online')) // a slow check starts ...
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1))
    signOutInAnotherTab(context) // ... and the user signs out elsewhere before it answers
    await waitFor(() =>
      expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' }),
    )
    // The check in flight predates the sign-out: aborted, so its "authenticated" never lands ...
    await expect(fetcher.mock.results[0]?.value).rejects.toThrow(/abort/i)
    await wait(SLOW_RESPONSE_MS) // ... not even once the slow answer would have come (1.5 s)
    await expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' })
  },
}

export const LayoutRendersAgain: Story = {
  tags: ['!autodocs'],
  // The click below may focus the window; this story counts only the re-render's request.
  args: { revalidateOnFocus: false },
  ...sessionState('revoked', { initialSession: signedIn(alice) }),
  // Stands in for Next.js: each new layout render hands the provider its newer initialSession.
  decorators: [
    (Story, context) => (
      <LayoutRerender
        first={storyInitialSession(context)}
        next={unauthenticatedPayload('revoked')}
        label="Server renders the layout again (user revoked)"
      >
        {(initialSession) => <Story args={{ ...context.args, initialSession }} />}
      </LayoutRerender>
    ),
  ],
  play: async (context) => {
    await expectSignedInAsAlice(context)
    await expectNoRequestOnMount(context)
    // After a Server Action or router.refresh() the layout passes a newer initialSession ...
    await userEvent.click(
      within(context.canvasElement).getByRole('button', { name: /Server renders the layout/ }),
    )
    await waitFor(() =>
      expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'revoked' }),
    )
    // ... which the provider adopts; the stale cookie still needs the route handler: one request.
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
    await settle()
    await expect(storyRequests(context).gets()).toBe(1)
  },
}

const withSignOutButton = {
  children: (
    <>
      <SessionInspector />
      <SessionPanel />
    </>
  ),
}

// signOutStory checks that every other tab is told (and, when it fails, that none is).
export const SignOut: Story = {
  tags: ['!autodocs'],
  args: withSignOutButton,
  ...signOutStory('signOutSucceeds', expectSignedInAsAlice, async (context) => {
    await waitFor(() =>
      expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'signed-out' }),
    )
    await expect(storyStore(context).get(userAtom)).toBeNull()
    await expect(storyRequests(context).deletes()).toBe(1)
  }),
}

export const SignOutFails: Story = {
  tags: ['!autodocs'],
  args: withSignOutButton,
  ...signOutStory('signOutFails', expectSignedInAsAlice, async (context) => {
    await waitFor(() =>
      expect(storySession(context)).toMatchObject({
        status: 'authenticated',
        user: alice,
        error: { kind: 'http', httpStatus: 500 },
      }),
    )
    await expect(storyRequests(context).deletes()).toBe(1)
  }),
}

/** The layout's session stands: alice, with no request on mount. */
async function expectAliceWithoutRequest(context: Context) {
  await expectSignedInAsAlice(context)
  await expectNoRequestOnMount(context)
}

export const Playground: Story = {
  ...playground({
    authenticated: expectAliceWithoutRequest,
    expiringSoon: expectAliceWithoutRequest,
    expired: (context) => expectOneCheckEnding(context, 'expired'),
    invalid: (context) => expectOneCheckEnding(context, 'invalid'),
    revoked: (context) => expectOneCheckEnding(context, 'revoked'),
    anonymous: expectAnonymous,
    serverError: expectFirstCheckFailed('http'),
    storeUnavailable: expectFirstCheckFailed('http'),
    rateLimited: expectFirstCheckFailed('http'),
    networkError: expectFirstCheckFailed('network'),
    malformed: expectFirstCheckFailed('malformed'),
    slow: expectLoadingThenAlice,
  }),
  tags: ['!autodocs'],
}
