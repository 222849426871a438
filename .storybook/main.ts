import type { StorybookConfig } from '@storybook/nextjs-vite'
import { mergeConfig, type BuildEnvironmentOptions } from 'vite'
// `.js` names the .ts file (TypeScript's bundler resolution and Storybook's config loader map it):
// an import without an extension makes Storybook warn on every start.
import { STORY_SESSION_SECRET } from '../stories/server/support/story-session-secret.js'

const RSC_DIRECTIVE = /directive "use (client|server)"/

/**
 * `storybook build` without the warnings Vite and Rolldown aim at an app's bundle: Storybook's
 * preview is a dev tool, loaded once, built for the browser only.
 */
const quietBuild: BuildEnvironmentOptions = {
  // axe-core alone is 0.66 MB and the preview runtime with React and the stories 1.3 MB; Vite's
  // 0.5 MB default is meant for an app's pages. 2 MB still catches a runaway (a server bundle).
  chunkSizeWarningLimit: 2000,
  rolldownOptions: {
    // "JavaScript callbacks ran for 5 s": a profiling hint printed on every build, not a fault.
    checks: { bundlerTimings: false },
    onwarn(warning, warn) {
      // Each 'use client' module (the kit's, jotai's, sonner's, Next's) and the 'use server' actions
      // warn that the directive may not be preserved. Both mean something only to a React Server
      // Components bundler; Storybook's bundle runs everything in the browser (a story calls a
      // Server Action as a plain function, with next/headers mocked). Other directives still warn.
      if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && RSC_DIRECTIVE.test(warning.message)) return
      warn(warning)
    },
  },
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/nextjs-vite', options: {} },
  features: {
    // Async Server Components (verifySession stories) render only with this on.
    experimentalRSC: true,
    // Storybook's own "Get started" checklist: in the sidebar and the settings menu (dev only).
    sidebarOnboardingChecklist: false,
    menuOnboardingChecklist: false,
  },
  // Serves public/mockServiceWorker.js, which the MSW loader registers.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      // The server helpers read process.env.SESSION_SECRET, which the browser does not have
      // (`storybook build` compiles process.env to {}): the stories' own throwaway secret is
      // inlined, for the dev server, the build and the Vitest story run alike.
      define: { 'process.env.SESSION_SECRET': JSON.stringify(STORY_SESSION_SECRET) },
      build: quietBuild,
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
