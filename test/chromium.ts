// The one browser setup for story tests (vitest.config.ts) and e2e (playwright.config.ts).

/** Playwright cannot download browsers here: use the system Chromium (Debian's by default). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Root in a closed network: no sandbox, and no background traffic that would be refused. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export { CHROMIUM_ARGS, CHROMIUM_PATH }
