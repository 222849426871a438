// The server helpers read `process.env.SESSION_SECRET` on every call. In Storybook they run in
// the browser, where nothing sets it: the stories set a fixed secret before each story and
// put back whatever was there after. It encrypts cookies that live only inside a story, so a
// published value is harmless; never reuse it in an app.
const STORY_SESSION_SECRET = 'storybook-only-secret-0123456789-abcdefghijklmnop'

/** A story `beforeEach`: sets the story secret, and returns the cleanup that restores the old value. */
function setStorySessionSecret(): () => void {
  const previous = process.env.SESSION_SECRET
  process.env.SESSION_SECRET = STORY_SESSION_SECRET
  return () => {
    if (previous === undefined) delete process.env.SESSION_SECRET
    else process.env.SESSION_SECRET = previous
  }
}

export { STORY_SESSION_SECRET, setStorySessionSecret }
