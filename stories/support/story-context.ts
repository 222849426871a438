import type { Store } from 'jotai'
// Loads the module augmented below: without an import of it in the program (an app whose only
// Storybook file this is), `declare module` fails with TS2664 "module cannot be found".
import type {} from 'storybook/internal/csf'
import type { SignOutScenario } from '../../mocks/handlers/session-resolvers'
import { SESSION_CHANNEL_NAME } from '@/lib/session/shared/constants'
import type { ClientSession, SessionPayload } from '@/lib/session/shared/types'
import { sessionAtom } from '@/lib/session/client/atoms'
import type { SessionProviderProps } from '@/lib/session/client/session-provider'

/** `parameters.session`: how preview.tsx wraps a story in a SessionProvider (set by `sessionState`). */
type SessionStoryParameters = {
  /**
   * The layout's payload (null: none), built when the story starts (so `expiresAt` counts from
   * then). Left out: what the toolbar's "Session" value implies (the Playground stories).
   */
  initialSession?: () => SessionPayload | null
  /** What DELETE /api/session answers; default `signOutSucceeds`. */
  signOut?: SignOutScenario
  /** Further SessionProvider props (fast retries, a short timeout). */
  provider?: Partial<
    Omit<SessionProviderProps, 'children' | 'store' | 'initialSession' | 'channelName'>
  >
  /** false: the story renders SessionProvider itself (SessionProvider's own stories). */
  decorate?: boolean
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    session?: SessionStoryParameters
  }
}

/** The slice of a story context these helpers read. */
type LoadedContext = { loaded: Record<string, unknown>; id: string }
/** The slice of a play function's context the stories' shared assertions read. */
type PlayContext = LoadedContext & {
  canvasElement: HTMLElement
  /** The toolbar's values, with the story's own (`sessionState`) applied. */
  globals: Record<string, unknown>
}

function isStore(value: unknown): value is Store {
  return (
    typeof value === 'object' &&
    value !== null &&
    'get' in value &&
    'set' in value &&
    'sub' in value
  )
}

/** The story's own jotai store, made fresh by preview.tsx's loader. */
function storyStore(context: LoadedContext): Store {
  const { store } = context.loaded
  if (!isStore(store))
    throw new Error(
      `Story ${context.id}: no jotai store in context.loaded (preview loader missing?)`,
    )
  return store
}

/** The session the story's provider holds now: what its components read. */
function storySession(context: LoadedContext): ClientSession {
  return storyStore(context).get(sessionAtom)
}

/** The session the story's provider holds now, which must be signed in: its `expiresAt` is read. */
function storySignedInSession(
  context: LoadedContext,
): Extract<ClientSession, { status: 'authenticated' }> {
  const session = storySession(context)
  if (session.status !== 'authenticated')
    throw new Error(`Story ${context.id}: expected an authenticated session, not ${session.status}`)
  return session
}

/** The initial session preview.tsx's loader built for this story (`storyLayoutSession`), or null. */
function storyInitialSession(context: LoadedContext): SessionPayload | null {
  return (context.loaded.initialSession as SessionPayload | null | undefined) ?? null
}

/**
 * A BroadcastChannel name for this story only: test files run side by side in iframes of one
 * origin, and a sign-out broadcast in one story must not sign out another.
 */
function storyChannelName(context: { id: string }): string {
  return `${SESSION_CHANNEL_NAME}:${context.id}`
}

export { storyChannelName, storyInitialSession, storySession, storySignedInSession, storyStore }
export type { LoadedContext, PlayContext, SessionStoryParameters }
