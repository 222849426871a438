import type { SessionScenario } from '../../mocks/handlers/session-resolvers'
import { storyScenario } from './session-state'
import type { PlayContext } from './story-context'

/** What a component shows in each toolbar state: a state without a check does not compile. */
type ShownPerScenario<Context> = Record<SessionScenario, (context: Context) => unknown>

/**
 * `Playground`: the one story per component that pins no state. Its layout session and mock
 * answer come from the toolbar's "Session" value (preview.tsx), a new value remounts it in that
 * state, and its play function checks what that value shows.
 */
function playground<Context extends PlayContext>(shown: ShownPerScenario<Context>) {
  return {
    play: async (context: Context) => {
      await shown[storyScenario(context)](context)
    },
  }
}

/**
 * The Playground under one toolbar value, as a test: the same story with that value as its own
 * global. ExpiryToast's and SessionGate's `*.toolbar.stories.tsx` list one per value, under a
 * meta tagged `!dev` and `!autodocs` (Storybook reads tags from the file, not from a function's
 * result). Two components are enough: every Playground runs through `playground()` above.
 */
function playgroundWith<Story extends object>(story: Story, session: SessionScenario) {
  return { ...story, globals: { session } }
}

export { playground, playgroundWith }
export type { ShownPerScenario }
