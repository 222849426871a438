import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
// `.js` names the .ts file: Vite's config loader warns about imports without an extension.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'test/**/*.test.ts'],
          setupFiles: ['./test/setup-unit.ts'],
        },
        resolve: {
          // `server-only` throws outside a React Server environment; tests run server code in node.
          alias: [
            { find: 'server-only', replacement: path.join(dirname, 'test/server-only-stub.ts') },
            // The tsconfig paths: in an app, the kit lives in lib/session (see registry.json).
            { find: /^@\/lib\/session$/, replacement: path.join(dirname, 'src/index.ts') },
            { find: /^@\/lib\/session\//, replacement: `${path.join(dirname, 'src')}/` },
            { find: /^@\//, replacement: `${dirname}/` },
          ],
        },
      },
      {
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
