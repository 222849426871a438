import { SIGNED_OUT_MESSAGE } from '@/lib/session/client/session-channel'
import { storyChannelName } from './story-context'

/** What another tab of the app sends after its user signs out (same channel, same message). */
function signOutInAnotherTab(context: { id: string }): void {
  const otherTab = new BroadcastChannel(storyChannelName(context))
  otherTab.postMessage(SIGNED_OUT_MESSAGE)
  otherTab.close()
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

export { listenAsAnotherTab, signOutInAnotherTab }
