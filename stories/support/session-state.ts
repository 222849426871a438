import {
  authenticatedPayload,
  EXPIRING_SOON_MS,
  unauthenticatedPayload,
} from '../../mocks/fixtures/sessions'
import { alice } from '../../mocks/fixtures/users'
import { sessionScenarios } from '../../mocks/handlers/session'
import type { SessionScenario, SignOutScenario } from '../../mocks/handlers/session-resolvers'
import type { SessionPayload } from '@/lib/session/shared/types'
import type { SessionUser } from '@/lib/session/shared/user'
import type { SessionStoryParameters } from './story-context'

/** The toolbar's "Session" values: every GET /api/session scenario. */
const SESSION_SCENARIOS = Object.keys(sessionScenarios) as SessionScenario[]

/** What the layout passed as `initialSession`, built when the story starts (`expiresAt` from then). */
type InitialSession = () => SessionPayload | null

/** The layout of a signed-in `user`'s page, with `expiresInMs` left (default: an hour). */
const signedIn =
  (user: SessionUser, expiresInMs?: number): InitialSession =>
  () =>
    authenticatedPayload(user, expiresInMs)

/** The page loads without a session: loading, and one check on mount. */
const noInitialSession: InitialSession = () => null

/** What the layout passes to a visitor in each state: the page a toolbar value loads. */
const INITIAL_SESSION = {
  authenticated: signedIn(alice),
  expiringSoon: signedIn(alice, EXPIRING_SOON_MS),
  // The layout saw the stale cookie; the provider's one check lets the route handler delete it.
  expired: () => unauthenticatedPayload('expired'),
  invalid: () => unauthenticatedPayload('invalid'),
  revoked: () => unauthenticatedPayload('revoked'),
  anonymous: () => unauthenticatedPayload('missing'),
  // The server could not say: the page renders without a session and its first check fails.
  serverError: noInitialSession,
  // A layout whose getSession() hit the store down would go to the error boundary; a page with
  // no layout answer asks, and its first check fails (the StoreUnavailable stories keep a user).
  storeUnavailable: noInitialSession,
  rateLimited: noInitialSession,
  networkError: noInitialSession,
  malformed: noInitialSession,
  slow: noInitialSession,
} satisfies Record<SessionScenario, InitialSession>

function isSessionScenario(value: unknown): value is SessionScenario {
  return SESSION_SCENARIOS.includes(value as SessionScenario)
}

/** What GET /api/session answers in this story: its pinned state, else the toolbar's value. */
function storyScenario(context: { globals: Record<string, unknown> }): SessionScenario {
  const scenario = context.globals.session
  if (!isSessionScenario(scenario)) {
    throw new Error(
      `Toolbar "Session": unknown scenario ${String(scenario)}; one of ${SESSION_SCENARIOS.join(', ')}`,
    )
  }
  return scenario
}

/** For preview.tsx's loader: the story's own `initialSession`, else the one its scenario implies. */
function storyLayoutSession(context: {
  globals: Record<string, unknown>
  parameters: { session?: SessionStoryParameters }
}): SessionPayload | null {
  const initialSession = context.parameters.session?.initialSession
  return (initialSession ?? INITIAL_SESSION[storyScenario(context)])()
}

type SessionStateOptions = {
  /** What the layout passed; default: what a visitor in the `answer` state gets. */
  initialSession?: InitialSession
  /** What DELETE /api/session answers; default: sign-out works. */
  signOut?: SignOutScenario
  /** Further SessionProvider props for this story (a slow retry). */
  provider?: SessionStoryParameters['provider']
  /** The page the story is on, as Next's navigation mock takes it: `{ pathname, query }`. */
  navigation?: { pathname: string; query?: Record<string, string> }
  /** The story's other parameters (e.g. `nextjs.navigation`), so it states them in one place. */
  parameters?: Record<string, unknown>
}

/**
 * A story's session, stated once: GET /api/session answers `answer`, the layout passed what a
 * visitor in that state gets (or `initialSession`), and DELETE answers `signOut`. It pins the
 * toolbar's "Session" value (Storybook shows it, locked); preview.tsx serves and counts both.
 */
function sessionState(answer: SessionScenario, options: SessionStateOptions = {}) {
  const { initialSession = INITIAL_SESSION[answer], signOut, provider, navigation } = options
  const session: SessionStoryParameters = {
    initialSession,
    ...(signOut ? { signOut } : {}),
    ...(provider ? { provider } : {}),
  }
  return {
    globals: { session: answer },
    parameters: {
      ...options.parameters,
      ...(navigation ? { nextjs: { navigation } } : {}),
      session,
    },
  }
}

export {
  noInitialSession,
  SESSION_SCENARIOS,
  sessionState,
  signedIn,
  storyLayoutSession,
  storyScenario,
}
export type { InitialSession }
