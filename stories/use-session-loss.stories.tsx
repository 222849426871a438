import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { getRouter } from '@storybook/nextjs-vite/navigation.mock'
import { expect, waitFor, within } from 'storybook/test'
import { MINUTE_MS } from '../mocks/fixtures/sessions'
import { SessionLostNotice } from './docs/recipes/session-lost-notice'
import { WARN_BEFORE_CONTROL } from './support/arg-types'
import { playground } from './support/playground'
import { storyRequests } from './support/requests'
import { expiresWhileOpenStory } from './support/session-stories'
import { sessionState } from './support/session-state'
import { settle } from './support/settle'
import type { PlayContext } from './support/story-context'
import { expectNoToast } from './support/toasts'
import { EVENTUAL_WAIT_MS } from './support/timing'
import usage from './usage/use-session-loss.tsx?raw'

// useSessionLoss is headless: these stories render the "Your own toast" recipe's banner, a real
// consumer, and check what it is told (and that sonner stays silent: no ExpiryToast here).
const meta = {
  title: 'Client/useSessionLoss',
  component: SessionLostNotice,
  argTypes: { warnBefore: WARN_BEFORE_CONTROL },
  parameters: {
    componentPage: { item: 'use-session-loss', usage },
    docs: {
      description: {
        component:
          '`useSessionLoss({ onLoss, warnBefore, onWarning })` calls you once per lost session and once before it ends, for your own notice instead of ExpiryToast.',
      },
    },
    session: {},
    nextjs: { navigation: { pathname: '/dashboard' } },
  },
} satisfies Meta<typeof SessionLostNotice>

export default meta
type Story = StoryObj<typeof meta>

// The docs page's "States" shows one story per state a reader looks for; behaviour tests carry
// `tags: ['!autodocs']` written in the story (Storybook reads tags from the file, not from a
// helper's result): they stay in the sidebar and run as tests.

const alertIn = (context: PlayContext) => within(context.canvasElement).queryByRole('alert')

/** Nothing lost: no banner, no navigation. */
async function noBanner(context: PlayContext) {
  await settle()
  await expect(alertIn(context)).toBeNull()
  await expect(getRouter().replace).not.toHaveBeenCalled()
}

export const SignedIn: Story = {
  ...sessionState('authenticated'),
  play: noBanner,
}

/** The banner tells the loss in its own words, once the check confirmed it. */
function showsLoss(text: string) {
  return async (context: PlayContext) => {
    await expect(await within(context.canvasElement).findByRole('alert')).toHaveTextContent(text)
    await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
    await expectNoToast()
  }
}

export const Expired: Story = {
  ...sessionState('expired'),
  play: showsLoss('Your session has expired.'),
}

export const ExpiresWhileOpen: Story = {
  tags: ['!autodocs'],
  // The provider's timer at expiresAt asks the server, which says expired: told once, with a
  // sign-in link back to this page.
  ...expiresWhileOpenStory(noBanner, async (context) => {
    const banner = await within(context.canvasElement).findByRole('alert')
    await expect(banner).toHaveTextContent('Your session has expired. Please sign in again.')
    await expect(within(banner).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/auth?next=%2Fdashboard',
    )
    await expectNoToast()
  }),
}

export const DismissedStaysDismissed: Story = {
  tags: ['!autodocs'],
  ...ExpiresWhileOpen,
  // A later check confirming the same loss is not a new one: the banner does not come back.
  play: async (context) => {
    await ExpiresWhileOpen.play?.(context)
    const banner = within(context.canvasElement).getByRole('alert')
    await within(banner).getByRole('button', { name: 'Dismiss' }).click()
    await waitFor(() => expect(alertIn(context)).toBeNull(), { timeout: EVENTUAL_WAIT_MS })
    const checks = storyRequests(context).gets()
    window.dispatchEvent(new Event('online'))
    await waitFor(() => expect(storyRequests(context).gets()).toBeGreaterThan(checks), {
      timeout: EVENTUAL_WAIT_MS,
    })
    await settle()
    await expect(alertIn(context)).toBeNull()
  },
}

export const ReasonFromServerRedirect: Story = {
  // The proxy found a revoked user's cookie, deleted it and redirected here.
  ...sessionState('anonymous', {
    navigation: { pathname: '/auth', query: { next: '/dashboard', reason: 'revoked' } },
  }),
  play: async (context) => {
    const banner = await within(context.canvasElement).findByRole('alert')
    await expect(banner).toHaveTextContent('Your access has been revoked.')
    // On the login page itself: no link to it.
    await expect(within(banner).queryByRole('link')).toBeNull()
    // `reason` stripped, `next` kept: a reload does not tell it again.
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/auth?next=%2Fdashboard'))
    await settle()
    await expect(getRouter().replace).toHaveBeenCalledTimes(1)
  },
}

export const CraftedReasonWhileSignedIn: Story = {
  tags: ['!autodocs'],
  // Anyone can send "/dashboard?reason=revoked": a signed-in user is told nothing.
  ...sessionState('authenticated', {
    navigation: { pathname: '/dashboard', query: { reason: 'revoked' } },
  }),
  play: async (context) => {
    await waitFor(() => expect(getRouter().replace).toHaveBeenCalledWith('/dashboard'))
    await settle()
    await expect(alertIn(context)).toBeNull()
  },
}

/** Two minutes left, inside the five-minute window: the early warning, no loss. */
async function warnsEarly(context: PlayContext) {
  await expect(await within(context.canvasElement).findByRole('status')).toHaveTextContent(
    'Your session expires in 2 min.',
  )
  await expect(alertIn(context)).toBeNull()
}

export const ExpiringSoon: Story = {
  args: { warnBefore: 5 * MINUTE_MS },
  ...sessionState('expiringSoon'),
  play: warnsEarly,
}

export const Playground: Story = {
  tags: ['!autodocs'],
  // Five minutes: `expiringSoon` (two left) shows the early warning.
  args: { warnBefore: 5 * MINUTE_MS },
  ...playground({
    authenticated: noBanner,
    expiringSoon: warnsEarly,
    expired: showsLoss('Your session has expired.'),
    invalid: showsLoss('Your session is no longer valid.'),
    revoked: showsLoss('Your access has been revoked.'),
    anonymous: noBanner,
    // A failed check is not a loss: no banner.
    serverError: noBanner,
    storeUnavailable: noBanner,
    rateLimited: noBanner,
    networkError: noBanner,
    malformed: noBanner,
    slow: noBanner,
  }),
}
