/**
 * The SESSION_SECRET the server helpers use inside Storybook. .storybook/main.ts inlines it as
 * `process.env.SESSION_SECRET` (Vite `define`), which reaches the dev server, `storybook build`
 * and the Vitest story run alike. It encrypts cookies that live only inside a story, so a
 * published value is harmless; never reuse it in an app.
 */
const STORY_SESSION_SECRET = 'storybook-only-secret-0123456789-abcdefghijklmnop'

export { STORY_SESSION_SECRET }
