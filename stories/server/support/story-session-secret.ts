/**
 * The SESSION_SECRET the server helpers use inside Storybook. It encrypts cookies that live only
 * inside a story, so a published value is harmless; never reuse it in an app.
 */
const STORY_SESSION_SECRET = 'storybook-only-secret-0123456789-abcdefghijklmnop'

/**
 * A story `beforeEach`: makes sure the server helpers find a SESSION_SECRET, and returns the
 * cleanup. The helpers read `process.env.SESSION_SECRET` on every call. In the browser nothing
 * sets it, and `storybook build` compiles `process.env` to `{}`, so the reliable source is a
 * `define` of `process.env.SESSION_SECRET` in .storybook/main.ts (then this does nothing). In
 * the dev server and Vitest, `process.env` is a real object, which this fills in if needed.
 */
function ensureStorySessionSecret(): () => void {
  // The literal form, so a `define` answers it.
  if (process.env.SESSION_SECRET) return () => undefined
  // Through a variable, not `process.env.SESSION_SECRET = ...`: with the define in place that
  // would compile to an assignment to a string literal.
  const env = process.env
  env.SESSION_SECRET = STORY_SESSION_SECRET
  return () => {
    delete env.SESSION_SECRET
  }
}

export { ensureStorySessionSecret, STORY_SESSION_SECRET }
