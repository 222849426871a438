import type { StorybookConfig } from '@storybook/nextjs-vite'
import { mergeConfig } from 'vite'
import { STORY_SESSION_SECRET } from '../stories/server/support/story-session-secret'

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/nextjs-vite', options: {} },
  // Async Server Components (verifySession stories) render only with this on.
  features: { experimentalRSC: true },
  // Serves public/mockServiceWorker.js, which the MSW loader registers.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      // The server helpers read process.env.SESSION_SECRET, which the browser does not have
      // (`storybook build` compiles process.env to {}): the stories' own throwaway secret is
      // inlined, for the dev server, the build and the Vitest story run alike.
      define: { 'process.env.SESSION_SECRET': JSON.stringify(STORY_SESSION_SECRET) },
      // Pre-bundled up front: on a cold cache, Vite re-optimising these mid-run reloads the page
      // and the stories running at that moment render an empty canvas.
      optimizeDeps: {
        include: [
          'server-only',
          'jose',
          'next/server',
          'next/link',
          'jotai',
          'sonner',
          'msw',
          'msw/browser',
          '@storybook/nextjs-vite/headers.mock',
          '@storybook/nextjs-vite/navigation.mock',
        ],
      },
    }),
}

export default config
