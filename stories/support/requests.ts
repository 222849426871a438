import type { SetupWorker } from 'msw/browser'
import { countedSessionScenario, countedSignOutScenario } from '../../mocks/handlers/session'
import { storyScenario } from './session-state'
import type { SessionStoryParameters } from './story-context'

/** What the mocked backend saw during one story. */
type StoryRequests = {
  /** GET /api/session requests answered so far. */
  gets: () => number
  /** When each GET arrived (epoch ms), to prove "no request before expiresAt". */
  getTimes: () => ReadonlyArray<number>
  /** DELETE /api/session requests answered so far. */
  deletes: () => number
}

// Keyed by the story's `loaded` object: beforeEach, render and play share one context object.
const requestsByStory = new WeakMap<object, StoryRequests>()

/**
 * For preview.tsx's `beforeEach`: answer GET with the story's scenario (its `sessionState`, else
 * the toolbar's) and DELETE with its `signOut`, counting both for `storyRequests`.
 */
function serveSession(context: {
  msw: SetupWorker
  loaded: object
  globals: Record<string, unknown>
  parameters: { session?: SessionStoryParameters }
}): void {
  const get = countedSessionScenario(storyScenario(context))
  const del = countedSignOutScenario(context.parameters.session?.signOut ?? 'signOutSucceeds')
  context.msw.use(get.handler, del.handler)
  requestsByStory.set(context.loaded, { gets: get.count, getTimes: get.times, deletes: del.count })
}

/** For a play function: the counters `serveSession` set up for this story. */
function storyRequests(context: { loaded: object; id: string }): StoryRequests {
  const requests = requestsByStory.get(context.loaded)
  if (!requests)
    throw new Error(
      `Story ${context.id}: no request log (preview.tsx's beforeEach calls serveSession)`,
    )
  return requests
}

export { serveSession, storyRequests }
export type { StoryRequests }
