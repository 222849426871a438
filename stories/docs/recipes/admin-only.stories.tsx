import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { getRouter } from '@storybook/nextjs-vite/navigation.mock'
import { expect, waitFor, within } from 'storybook/test'
import { authenticatedPayload, unauthenticatedPayload } from '@/mocks/fixtures/sessions'
import { alice, grace } from '@/mocks/fixtures/users'
import { serveScenario } from '@/stories/support/requests'
import { settle } from '@/stories/support/settle'
import type { PlayContext } from '@/stories/support/story-context'
import { AdminOnly } from './admin-only'

// The role-gate recipe (admin-only.tsx) tested the way an app tests its own components: the
// kit's MSW scenarios answer GET /api/session, `parameters.session` wraps the story in a
// SessionProvider (preview.tsx), and the play functions check what each visitor sees.
const meta = {
  title: 'Recipes/AdminOnly',
  component: AdminOnly,
  args: { children: <p>Admin tools: only administrators see this.</p> },
  parameters: { nextjs: { navigation: { pathname: '/admin' } } },
} satisfies Meta<typeof AdminOnly>

export default meta
type Story = StoryObj<typeof meta>

const adminTools = (context: PlayContext) =>
  within(context.canvasElement).queryByText('Admin tools: only administrators see this.')

export const Admin: Story = {
  parameters: { session: { initialSession: () => authenticatedPayload(grace) } },
  beforeEach: (context) => serveScenario(context, 'authenticated'),
  play: async (context) => {
    await waitFor(() => expect(adminTools(context)).toBeVisible())
    await settle()
    await expect(getRouter().replace).not.toHaveBeenCalled()
  },
}

export const Member: Story = {
  parameters: { session: { initialSession: () => authenticatedPayload(alice) } },
  beforeEach: (context) => serveScenario(context, 'authenticated'),
  // Signed in, but not an admin: the refusal, and no redirect (signing in again would not help).
  play: async (context) => {
    const canvas = within(context.canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This page is for administrators.',
    )
    await expect(adminTools(context)).toBeNull()
    await settle()
    await expect(getRouter().replace).not.toHaveBeenCalled()
  },
}

export const Expired: Story = {
  parameters: { session: { initialSession: () => unauthenticatedPayload('expired') } },
  beforeEach: (context) => serveScenario(context, 'expired'),
  // Signed out: the gate sends the visitor to sign in, and back here afterwards.
  play: async (context) => {
    await waitFor(() =>
      expect(getRouter().replace).toHaveBeenCalledWith('/auth?next=%2Fadmin&reason=expired'),
    )
    await expect(adminTools(context)).toBeNull()
  },
}
