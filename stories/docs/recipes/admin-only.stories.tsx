import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { getRouter } from '@storybook/nextjs-vite/navigation.mock'
import { expect, waitFor, within } from 'storybook/test'
import { grace } from '@/mocks/fixtures/users'
import { sessionState, signedIn } from '@/stories/support/session-state'
import { settle } from '@/stories/support/settle'
import type { PlayContext } from '@/stories/support/story-context'
import { AdminOnly } from './admin-only'

// The role-gate recipe (admin-only.tsx) tested the way an app tests its own components: each
// story states its visitor once with `sessionState` (what the layout passed, what the kit's MSW
// scenario answers), preview.tsx wraps it in a SessionProvider, and the play functions check
// what each visitor sees.
const meta = {
  // Under the recipe: Docs/Recipes/Role gates (role-gates.mdx) is this file's docs page.
  title: 'Docs/Recipes/Role gates',
  tags: ['!autodocs'],
  component: AdminOnly,
  args: { children: <p>Admin tools: only administrators see this.</p> },
  // Markup, not a value to edit: the table shows its type instead of a React element object.
  argTypes: { children: { control: false, table: { type: { summary: 'ReactNode' } } } },
  parameters: { nextjs: { navigation: { pathname: '/admin' } } },
} satisfies Meta<typeof AdminOnly>

export default meta
type Story = StoryObj<typeof meta>

const adminTools = (context: PlayContext) =>
  within(context.canvasElement).queryByText('Admin tools: only administrators see this.')

export const Admin: Story = {
  ...sessionState('authenticated', { initialSession: signedIn(grace) }),
  play: async (context) => {
    await waitFor(() => expect(adminTools(context)).toBeVisible())
    await settle()
    await expect(getRouter().replace).not.toHaveBeenCalled()
  },
}

export const Member: Story = {
  // alice, a member.
  ...sessionState('authenticated'),
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
  ...sessionState('expired'),
  // Signed out: the gate sends the visitor to sign in, and back here afterwards.
  play: async (context) => {
    await waitFor(() =>
      expect(getRouter().replace).toHaveBeenCalledWith('/auth?next=%2Fadmin&reason=expired'),
    )
    await expect(adminTools(context)).toBeNull()
  },
}
