import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { useAtomValue } from 'jotai'
import { expect, waitFor, within } from 'storybook/test'
import { authenticatedPayload } from '../mocks/fixtures/sessions'
import { alice, grace } from '../mocks/fixtures/users'
import { sessionStatusAtom, userAtom } from '@/lib/session/client/atoms'
import type { SessionStatus, SessionUser } from '@/lib/session/shared/types'
import { UserBadge } from './support/demo'
import { mockNavigation, storyNavigation } from './support/navigation'
import { failedCheckStories } from './support/failed-check-stories'
import { playground } from './support/playground'
import { storyRequests } from './support/requests'
import {
  changedInAnotherTabStory,
  lostSessionStory,
  signedOutInAnotherTabStory,
} from './support/session-stories'
import { noInitialSession, sessionState } from './support/session-state'
import { settle } from './support/settle'
import { storyStore, type PlayContext } from './support/story-context'
import { EVENTUAL_WAIT_MS, SLOW_WAIT_MS } from './support/timing'
import usage from './usage/use-user.tsx?raw'

const meta = {
  title: 'Client/useUser',
  component: UserBadge,
  parameters: {
    session: { provider: { retryBaseMs: 100 } },
    nextjs: { navigation: { pathname: '/dashboard' } },
    componentPage: { item: 'use-user', usage },
    docs: {
      description: {
        component:
          "`useUser()` returns `{ user, status }` from the provider's store; it makes no request of its own. The user is also a plain jotai atom, `userAtom` from `@/lib/session/client`: under `SessionProvider`, jotai's own `useAtomValue(userAtom)` reads it too (story ReadWithUseAtomValue).",
      },
    },
  },
} satisfies Meta<typeof UserBadge>

export default meta
type Story = StoryObj<typeof meta>

// The docs page's "States" shows one story per state a reader looks for; behaviour tests carry
// `tags: ['!autodocs']` written in the story (Storybook reads tags from the file, not from a
// helper's result): they stay in the sidebar and run as tests.

async function expectUser(context: PlayContext, user: SessionUser | null, status: SessionStatus) {
  const text = user
    ? `Signed in as ${user.name}`
    : status === 'loading'
      ? 'Checking session…'
      : 'Not signed in'
  await expect(await within(context.canvasElement).findByText(text)).toBeVisible()
  await expect(storyStore(context).get(userAtom)).toEqual(user)
  await expect(storyStore(context).get(sessionStatusAtom)).toBe(status)
}

export const Authenticated: Story = {
  ...sessionState('authenticated'),
  play: async (context) => {
    await expectUser(context, alice, 'authenticated')
    await settle()
    await expect(storyRequests(context).gets()).toBe(0)
  },
}

export const ExpiringSoon: Story = {
  ...sessionState('expiringSoon'),
  play: (context) => expectUser(context, alice, 'authenticated'),
}

const signedOut = (context: PlayContext) => expectUser(context, null, 'unauthenticated')
/** A failed check leaves the user in place: `useUser` never flickers to "signed out" on an error. */
const keepsAlice = async (context: PlayContext) => {
  await settle()
  await expectUser(context, alice, 'authenticated')
}

export const Expired: Story = lostSessionStory('expired', signedOut)
export const Invalid: Story = lostSessionStory('invalid', signedOut)
export const Revoked: Story = lostSessionStory('revoked', signedOut)

export const Anonymous: Story = {
  ...sessionState('anonymous'),
  play: (context) => expectUser(context, null, 'unauthenticated'),
}

const failedCheck = failedCheckStories(keepsAlice)
export const ServerError: Story = failedCheck.serverError
/** The revocation store is down (503): alice stays, the check is retried after Retry-After. */
export const StoreUnavailable: Story = failedCheck.storeUnavailable
export const RateLimited: Story = { ...failedCheck.rateLimited, tags: ['!autodocs'] }
export const NetworkError: Story = { ...failedCheck.networkError, tags: ['!autodocs'] }
export const Malformed: Story = { ...failedCheck.malformed, tags: ['!autodocs'] }

/** No session from the layout: "Checking session…" until the slow answer signs alice in. */
async function loadsAlice(context: PlayContext) {
  await expectUser(context, null, 'loading')
  await waitFor(() => expect(storyStore(context).get(userAtom)).toEqual(alice), {
    timeout: SLOW_WAIT_MS,
  })
  await expectUser(context, alice, 'authenticated')
}

export const Slow: Story = {
  ...sessionState('slow'),
  play: loadsAlice,
}

export const SignedOutInAnotherTab: Story = {
  ...signedOutInAnotherTabStory(Authenticated.play, signedOut),
  tags: ['!autodocs'],
}

/** Another tab signs in: this tab shows alice too, without asking the server itself. */
export const SignedInInAnotherTab: Story = changedInAnotherTabStory(
  'anonymous',
  () => authenticatedPayload(alice),
  signedOut,
  (context) => expectUser(context, alice, 'authenticated'),
)

/** Another tab finds a different user signed in (e.g. after signing in as someone else). */
export const UserChangedInAnotherTab: Story = changedInAnotherTabStory(
  'authenticated',
  () => authenticatedPayload(grace),
  (context) => expectUser(context, alice, 'authenticated'),
  (context) => expectUser(context, grace, 'authenticated'),
)

/**
 * App code of its own, not the kit's hook: the user is a plain jotai atom, read with jotai's
 * `useAtomValue`. It finds the provider's store because `SessionProvider` renders jotai's
 * `Provider` with it (jotai's default store holds no session: it would say "Nobody signed in").
 */
function AtomGreeting() {
  const user = useAtomValue(userAtom)
  return <p>{user ? `Hello, ${user.name}` : 'Nobody signed in'}</p>
}

const greets = (text: string) => async (context: PlayContext) => {
  await expect(await within(context.canvasElement).findByText(text)).toBeVisible()
}

/** `useAtomValue(userAtom)` under `SessionProvider`: alice, then nobody once another tab signs out. */
export const ReadWithUseAtomValue: Story = {
  ...signedOutInAnotherTabStory(greets(`Hello, ${alice.name}`), greets('Nobody signed in')),
  render: () => <AtomGreeting />,
  tags: ['!autodocs'],
}

export const TenConsumers: Story = {
  tags: ['!autodocs'],
  render: () => (
    <>
      {Array.from({ length: 10 }, (_, index) => (
        <UserBadge key={index} />
      ))}
    </>
  ),
  ...sessionState('authenticated', { initialSession: noInitialSession }),
  beforeEach: (context) => mockNavigation(context, '/dashboard'),
  play: async (context) => {
    // No initialSession: one check on mount, shared by all ten.
    const canvas = within(context.canvasElement)
    await waitFor(
      () => expect(canvas.getAllByText(`Signed in as ${alice.name}`)).toHaveLength(10),
      { timeout: EVENTUAL_WAIT_MS },
    )
    await settle()
    await expect(storyRequests(context).gets()).toBe(1)
  },
}

export const TenConsumersNavigate: Story = {
  tags: ['!autodocs'],
  ...TenConsumers,
  play: async (context) => {
    await TenConsumers.play?.(context)
    // A client-side navigation: one more check, still not ten.
    storyNavigation(context).navigate('/settings')
    await waitFor(() => expect(storyRequests(context).gets()).toBe(2))
    await settle()
    await expect(storyRequests(context).gets()).toBe(2)
    await expect(
      within(context.canvasElement).getAllByText(`Signed in as ${alice.name}`),
    ).toHaveLength(10)
  },
}

/** The first check failed and nothing is known: no user, and the badge says so. */
const noUserAfterFailure = async (context: PlayContext) => {
  await waitFor(() => expect(storyStore(context).get(sessionStatusAtom)).toBe('error'))
  await expectUser(context, null, 'error')
}

export const Playground: Story = {
  ...playground({
    authenticated: (context) => expectUser(context, alice, 'authenticated'),
    expiringSoon: (context) => expectUser(context, alice, 'authenticated'),
    expired: signedOut,
    invalid: signedOut,
    revoked: signedOut,
    anonymous: signedOut,
    serverError: noUserAfterFailure,
    storeUnavailable: noUserAfterFailure,
    rateLimited: noUserAfterFailure,
    networkError: noUserAfterFailure,
    malformed: noUserAfterFailure,
    slow: loadsAlice,
  }),
  tags: ['!autodocs'],
}
