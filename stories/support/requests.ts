import { http, type HttpHandler } from 'msw'
import type { SetupWorker } from 'msw/browser'
import {
  countedSignOutScenario,
  SESSION_URL_PATTERN,
  sessionResolvers,
  type SessionScenario,
  type SignOutScenario,
} from '../../mocks/handlers/session'

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

function timedSessionScenario(scenario: SessionScenario): {
  handler: HttpHandler
  times: number[]
} {
  const times: number[] = []
  const resolve = sessionResolvers[scenario]
  const handler = http.get(SESSION_URL_PATTERN, () => {
    times.push(Date.now())
    return resolve()
  })
  return { handler, times }
}

/**
 * For a story's `beforeEach`: answer GET with `scenario` and DELETE with `signOut`, counting both.
 * These override preview.tsx's baseline and the toolbar's "Session" choice.
 */
function serveScenario(
  context: { msw: SetupWorker; loaded: object },
  scenario: SessionScenario,
  signOut: SignOutScenario = 'signOutSucceeds',
): void {
  const get = timedSessionScenario(scenario)
  const del = countedSignOutScenario(signOut)
  context.msw.use(get.handler, del.handler)
  requestsByStory.set(context.loaded, {
    gets: () => get.times.length,
    getTimes: () => [...get.times],
    deletes: del.count,
  })
}

/** For a play function: the counters `serveScenario` set up for this story. */
function storyRequests(context: { loaded: object; id: string }): StoryRequests {
  const requests = requestsByStory.get(context.loaded)
  if (!requests)
    throw new Error(`Story ${context.id}: call serveScenario() in its beforeEach first`)
  return requests
}

export { serveScenario, storyRequests }
export type { StoryRequests }
