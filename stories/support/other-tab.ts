import { SIGNED_OUT_MESSAGE } from '../../src/client/session-controller'
import { storyChannelName } from './story-context'

/** What another tab of the app sends after its user signs out (same channel, same message). */
function signOutInAnotherTab(context: { id: string }): void {
  const otherTab = new BroadcastChannel(storyChannelName(context))
  otherTab.postMessage(SIGNED_OUT_MESSAGE)
  otherTab.close()
}

export { signOutInAnotherTab }
