import type { Preview } from '@storybook/nextjs-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    // The kit lives in the App Router: without this, next/navigation hooks throw.
    nextjs: { appDirectory: true },
    // Violations fail the story test, not just show in the panel.
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/i } },
  },
  tags: ['autodocs'],
}

export default preview
