import { expect, userEvent, waitFor, within } from 'storybook/test'
import { alice } from '../../mocks/fixtures/users'
import type { SessionScenario, SignOutScenario } from '../../mocks/handlers/session-resolvers'
import type { LostSessionReason, SessionPayload } from '@/lib/session/shared/types'
import { answerInAnotherTab, listenAsAnotherTab, signOutInAnotherTab } from './other-tab'
import { storyRequests } from './requests'
import { sessionState, signedIn } from './session-state'
import { settle } from './settle'
import { storySession, storySignedInSession, type PlayContext } from './story-context'
import { EVENTUAL_WAIT_MS, EXPIRY_WAIT_MS, SHORT_SESSION_MS } from './timing'
import { focusWindowFirst } from './window-focus'

/**
 * A story built here: the state is set up the same way in every client story file, and each
 * file adds what its component shows. `Context` is the file's own story context when a step
 * comes from one of its stories (`Authenticated.play`), else just what these makers read.
 */
type ScenarioStory<Context extends PlayContext> = ReturnType<typeof sessionState> & {
  play: (context: Context) => Promise<void>
}

type Step<Context> = ((context: Context) => unknown) | undefined

/**
 * `SignedOutInAnotherTab`: signed in as alice (`signedIn` checks it), then another tab of the
 * app signs out; `expectAfter` checks what this file's component does about it.
 */
function signedOutInAnotherTabStory<Context extends PlayContext>(
  signedIn: Step<Context>,
  expectAfter: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    ...sessionState('authenticated'),
    play: async (context) => {
      await signedIn?.(context)
      signOutInAnotherTab(context)
      await waitFor(
        () =>
          expect(storySession(context)).toEqual({
            status: 'unauthenticated',
            reason: 'signed-out',
          }),
        { timeout: EVENTUAL_WAIT_MS },
      )
      await expectAfter(context)
    },
  }
}

/**
 * `SignedInInAnotherTab` / `RenewedInAnotherTab` / `UserChangedInAnotherTab` /
 * `RevokedInAnotherTab`: this tab is in the `answer` state (`before` checks it), then another tab
 * of the app gets `news` from the server and tells this one, which follows (`after` checks what
 * this file's component shows) without a request of its own.
 */
function changedInAnotherTabStory<Context extends PlayContext>(
  answer: SessionScenario,
  news: () => SessionPayload,
  before: Step<Context>,
  after: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    ...sessionState(answer),
    play: async (context) => {
      await before?.(context)
      answerInAnotherTab(context, news())
      await after(context)
      await settle()
      await expect(storyRequests(context).gets()).toBe(0)
      await expect(storyRequests(context).deletes()).toBe(0)
    },
  }
}

/**
 * `SignOut` / `SignOutFails` / `SignOutStoreUnavailable`: signed in as alice (`signedIn` checks
 * it), the window's focus check first (`focusWindowFirst`), then the user clicks "Sign out" and
 * DELETE answers `signOut`. Another tab listens: it hears `signed-out` once when the user left
 * (a 204, or a 503: the cookie is cleared, only the revocation waits), nothing when the sign-out
 * failed. `expectAfter` checks what this file's component shows.
 */
function signOutStory<Context extends PlayContext>(
  signOut: SignOutScenario,
  signedIn: Step<Context>,
  expectAfter: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    ...sessionState('authenticated', { signOut }),
    play: async (context) => {
      await signedIn?.(context)
      await focusWindowFirst(context)
      const otherTab = listenAsAnotherTab(context)
      try {
        await userEvent.click(
          within(context.canvasElement).getByRole('button', { name: 'Sign out' }),
        )
        await expectAfter(context)
        if (signOut !== 'signOutFails') {
          await waitFor(() =>
            expect(otherTab.received()).toEqual([{ type: 'signed-out', at: expect.any(String) }]),
          )
        } else {
          // Nobody signed out, so no other tab hears otherwise.
          await settle()
          await expect(otherTab.received()).toEqual([])
        }
      } finally {
        otherTab.close()
      }
    },
  }
}

/**
 * `Expired` / `Invalid` / `Revoked`: the layout saw a stale cookie; one request lets the route
 * handler delete it and confirms the loss. `expectShown` checks this file's component first.
 */
function lostSessionStory<Context extends PlayContext>(
  reason: LostSessionReason,
  expectShown: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    ...sessionState(reason),
    play: async (context) => {
      await expectShown(context)
      await waitFor(() => expect(storyRequests(context).gets()).toBe(1), {
        timeout: EVENTUAL_WAIT_MS,
      })
      await expect(storySession(context)).toEqual({
        status: 'unauthenticated',
        reason,
      })
    },
  }
}

/**
 * `ExpiresWhileOpen`: alice's page opened with SHORT_SESSION_MS left; `whileOpen` checks this
 * file's component before the end. The provider's timer at expiresAt asks once and the server
 * says expired: the store says so, and the one check came at or after expiresAt, not by polling
 * before it. `expectAfter` checks what the component does about it.
 */
function expiresWhileOpenStory<Context extends PlayContext>(
  whileOpen: Step<Context>,
  expectAfter: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    ...sessionState('expired', { initialSession: signedIn(alice, SHORT_SESSION_MS) }),
    play: async (context) => {
      const { expiresAt } = storySignedInSession(context)
      await whileOpen?.(context)
      await waitFor(
        () =>
          expect(storySession(context)).toEqual({ status: 'unauthenticated', reason: 'expired' }),
        { timeout: EXPIRY_WAIT_MS },
      )
      await expect(storyRequests(context).getTimes()).toEqual([expect.any(Number)])
      await expect(storyRequests(context).getTimes()[0]).toBeGreaterThanOrEqual(expiresAt)
      await expectAfter(context)
    },
  }
}

export {
  changedInAnotherTabStory,
  expiresWhileOpenStory,
  lostSessionStory,
  signedOutInAnotherTabStory,
  signOutStory,
}
export type { ScenarioStory }
