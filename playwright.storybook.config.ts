// The Storybook crawler (test/storybook-crawl): every docs page and story of the built Storybook
// (`npm run build-storybook`), served as a static host serves it, opened in Chromium. Its own
// config: playwright.config.ts is the reference app's e2e and the install test.
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium'
import {
  STORYBOOK_CRAWL_PORT,
  STORYBOOK_CRAWL_URL,
  STORYBOOK_STATIC_DIR,
} from './test/storybook-crawl/crawl-env'

export default defineConfig({
  testDir: 'test/storybook-crawl',
  // This run's folder for what each story view showed, which the docs page tests compare with.
  globalSetup: './test/storybook-crawl/story-views-folder.ts',
  // Its own folder: each run empties its outputDir, and e2e's is test-results/.
  outputDir: 'test-results/storybook-crawl',
  // Two workers on a 2-core machine: most of a page's time is a story waiting on real timers.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Per entry: the crawler's own wait (preview-tab.ts) ends first and says what was still running.
  timeout: 60_000,
  // One dot per page; every failing page is listed at the end with its problems.
  reporter: [['dot']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node test/storybook-crawl/serve-storybook-static.mjs "${STORYBOOK_STATIC_DIR}" ${STORYBOOK_CRAWL_PORT}`,
    url: `${STORYBOOK_CRAWL_URL}/index.json`,
    timeout: 10_000,
    reuseExistingServer: false,
  },
})
