import { signedOutMessage, type SessionMessage } from '@/lib/session/client/session-channel'
import type { SessionPayload } from '@/lib/session/shared/types'
import { storyChannelName } from './story-context'

/** Posts `message` on the story's channel as another tab of the app would. */
function postAsAnotherTab(context: { id: string }, message: SessionMessage): void {
  const otherTab = new BroadcastChannel(storyChannelName(context))
  otherTab.postMessage(message)
  otherTab.close()
}

/** What another tab of the app sends after its user signs out (same channel, same message). */
function signOutInAnotherTab(context: { id: string }): void {
  // The mock server's clock is the browser's (mocks/fixtures/sessions.ts): now is after this
  // tab's last answer, so the sign-out is news to it.
  postAsAnotherTab(context, signedOutMessage(Date.now()))
}

/**
 * What another tab sends after an answer from the server changed its session (a sign-in, a
 * renewal, a changed user, a revocation): the answer, just received.
 */
function answerInAnotherTab(context: { id: string }, payload: SessionPayload): void {
  postAsAnotherTab(context, { type: 'session', payload, receivedAt: Date.now() })
}

/** Another tab's ear on the channel: what this story's tab told the others. */
function listenAsAnotherTab(context: { id: string }): {
  received: () => unknown[]
  close: () => void
} {
  const otherTab = new BroadcastChannel(storyChannelName(context))
  const messages: unknown[] = []
  otherTab.onmessage = (event: MessageEvent<unknown>) => messages.push(event.data)
  return { received: () => [...messages], close: () => otherTab.close() }
}

export { answerInAnotherTab, listenAsAnotherTab, signOutInAnotherTab }
