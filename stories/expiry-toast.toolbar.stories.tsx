import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import expiryToastMeta, { Playground } from './expiry-toast.stories'
import { playgroundWith } from './support/playground'

// ExpiryToast's Playground under each value of the toolbar's "Session", one test per value: the
// Playground on its docs page follows the toolbar; these pin each value, and stay out of the
// sidebar and the docs page.
const meta = {
  ...expiryToastMeta,
  title: 'Client/ExpiryToast/Toolbar',
  tags: ['!dev', '!autodocs'],
} satisfies Meta<typeof expiryToastMeta.component>

export default meta
type Story = StoryObj<typeof meta>

export const Authenticated: Story = playgroundWith(Playground, 'authenticated')
export const ExpiringSoon: Story = playgroundWith(Playground, 'expiringSoon')
export const Expired: Story = playgroundWith(Playground, 'expired')
export const Anonymous: Story = playgroundWith(Playground, 'anonymous')
export const Invalid: Story = playgroundWith(Playground, 'invalid')
export const Revoked: Story = playgroundWith(Playground, 'revoked')
export const ServerError: Story = playgroundWith(Playground, 'serverError')
export const StoreUnavailable: Story = playgroundWith(Playground, 'storeUnavailable')
export const RateLimited: Story = playgroundWith(Playground, 'rateLimited')
export const NetworkError: Story = playgroundWith(Playground, 'networkError')
export const Slow: Story = playgroundWith(Playground, 'slow')
export const Malformed: Story = playgroundWith(Playground, 'malformed')
