// Where the crawler finds the built Storybook and serves it. Shared by
// playwright.storybook.config.ts (which hands these to serve-storybook-static.mjs) and the spec.
import path from 'node:path'

/** What `storybook build` writes, the folder users deploy. */
const STORYBOOK_STATIC_DIR = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  process.env.STORYBOOK_STATIC_DIR ?? 'storybook-static',
)
/** The loopback port it is served on; STORYBOOK_CRAWL_PORT overrides it when 6106 is taken. */
const STORYBOOK_CRAWL_PORT = Number(process.env.STORYBOOK_CRAWL_PORT ?? 6106)
const STORYBOOK_CRAWL_URL = `http://127.0.0.1:${STORYBOOK_CRAWL_PORT}`

export { STORYBOOK_CRAWL_PORT, STORYBOOK_CRAWL_URL, STORYBOOK_STATIC_DIR }
