import { http, HttpResponse } from 'msw'
import type { SetupWorker } from 'msw/browser'
import {
  countedSessionScenario,
  countedSignOutScenario,
  SESSION_URL_PATTERN,
} from '../../mocks/handlers/session'
import type { SessionFetcher } from '@/lib/session/client/session-options'
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

/** Names the story whose provider sent a request (storyFetcher), so serveSession can tell. */
const STORY_ID_HEADER = 'X-Story-Id'

/**
 * The fetcher a story's SessionProvider gets: `inner` (default: fetch), with the story's id on
 * every request. A provider keeps retrying a failing check until it unmounts, so when the preview
 * switches stories one of its requests can still be on the way; tagged, it is not answered and
 * counted as the next story's.
 */
function storyFetcher(storyId: string, inner: SessionFetcher = fetch): SessionFetcher {
  return (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set(STORY_ID_HEADER, storyId)
    return inner(input, { ...init, headers })
  }
}

// Keyed by the story's `loaded` object: beforeEach, render and play share one context object.
const requestsByStory = new WeakMap<object, StoryRequests>()

/**
 * For preview.tsx's `beforeEach`: answer GET with the story's scenario (its `sessionState`, else
 * the toolbar's) and DELETE with its `signOut`, counting both for `storyRequests`.
 */
function serveSession(context: {
  id: string
  msw: SetupWorker
  loaded: object
  globals: Record<string, unknown>
  parameters: { session?: SessionStoryParameters }
}): void {
  const get = countedSessionScenario(storyScenario(context))
  const del = countedSignOutScenario(context.parameters.session?.signOut ?? 'signOutSucceeds')
  // First in line: a request from a story no longer shown fails as a network error, uncounted
  // (an untagged request, e.g. from a recipe's own fetch, falls through to the counted handlers).
  const leftover = http.all(SESSION_URL_PATTERN, ({ request }) => {
    const sender = request.headers.get(STORY_ID_HEADER)
    return sender !== null && sender !== context.id ? HttpResponse.error() : undefined
  })
  context.msw.use(leftover, get.handler, del.handler)
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

export { serveSession, storyFetcher, storyRequests }
export type { StoryRequests }
