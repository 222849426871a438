import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, waitFor, within } from 'storybook/test'
import {
  authenticatedPayload,
  EXPIRING_SOON_MS,
  unauthenticatedPayload,
} from '../mocks/fixtures/sessions'
import { alice } from '../mocks/fixtures/users'
import { sessionStatusAtom, userAtom } from '../src/client/atoms'
import type { SessionStatus, SessionUser, UnauthenticatedReason } from '../src/shared/types'
import { UserBadge } from './support/demo'
import { mockNavigation, storyNavigation } from './support/navigation'
import { serveScenario, storyRequests } from './support/requests'
import {
  failedCheckStory,
  lostSessionStory,
  signedInAsAlice,
  signedOutInAnotherTabStory,
} from './support/session-stories'
import { settle } from './support/settle'
import { storyStore, type PlayContext } from './support/story-context'
import { SLOW_WAIT_MS } from './support/timing'

const meta = {
  title: 'Client/useUser',
  component: UserBadge,
  parameters: {
    session: { provider: { retryBaseMs: 100 } },
    nextjs: { navigation: { pathname: '/dashboard' } },
    docs: {
      description: {
        component:
          "`useUser()` returns `{ user, status }` from the provider's store. Calling it makes no request: " +
          'however many components use it, the provider checks once for all of them.',
      },
    },
  },
} satisfies Meta<typeof UserBadge>

export default meta
type Story = StoryObj<typeof meta>

const initially = (reason: UnauthenticatedReason) => ({
  session: { initialSession: () => unauthenticatedPayload(reason) },
})

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
  parameters: signedInAsAlice,
  beforeEach: (context) => serveScenario(context, 'authenticated'),
  play: async (context) => {
    await expectUser(context, alice, 'authenticated')
    await settle()
    await expect(storyRequests(context).gets()).toBe(0)
  },
}

export const ExpiringSoon: Story = {
  parameters: { session: { initialSession: () => authenticatedPayload(alice, EXPIRING_SOON_MS) } },
  beforeEach: (context) => serveScenario(context, 'expiringSoon'),
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
  parameters: initially('missing'),
  beforeEach: (context) => serveScenario(context, 'anonymous'),
  play: (context) => expectUser(context, null, 'unauthenticated'),
}

export const ServerError: Story = failedCheckStory('serverError', keepsAlice)
export const RateLimited: Story = failedCheckStory('rateLimited', keepsAlice)
export const NetworkError: Story = failedCheckStory('networkError', keepsAlice)
export const Malformed: Story = failedCheckStory('malformed', keepsAlice)

export const Slow: Story = {
  beforeEach: (context) => serveScenario(context, 'slow'),
  play: async (context) => {
    await expectUser(context, null, 'loading')
    await waitFor(() => expect(storyStore(context).get(userAtom)).toEqual(alice), {
      timeout: SLOW_WAIT_MS,
    })
    await expectUser(context, alice, 'authenticated')
  },
}

export const SignedOutInAnotherTab: Story = signedOutInAnotherTabStory(
  Authenticated.play,
  signedOut,
)

export const TenConsumers: Story = {
  render: () => (
    <>
      {Array.from({ length: 10 }, (_, index) => (
        <UserBadge key={index} />
      ))}
    </>
  ),
  beforeEach: (context) => {
    serveScenario(context, 'authenticated')
    mockNavigation(context, '/dashboard')
  },
  play: async (context) => {
    // No initialSession: one check on mount, shared by all ten.
    const canvas = within(context.canvasElement)
    await waitFor(() => expect(canvas.getAllByText(`Signed in as ${alice.name}`)).toHaveLength(10))
    await settle()
    await expect(storyRequests(context).gets()).toBe(1)
  },
}

export const TenConsumersNavigate: Story = {
  render: TenConsumers.render,
  beforeEach: TenConsumers.beforeEach,
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
