import type { StorybookConfig } from '@storybook/nextjs-vite'

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/nextjs-vite', options: {} },
  // Async Server Components (verifySession stories) render only with this on.
  features: { experimentalRSC: true },
  // Serves public/mockServiceWorker.js, which the MSW loader registers.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
}

export default config
