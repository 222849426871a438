'use client'
import type { SessionPayload } from '../shared/types'
import type { ServerClock } from './server-clock'
import {
  messageServerTime,
  openSessionChannel,
  type SessionChannel,
  type SessionMessage,
} from './session-channel'

/**
 * One tab's side of the cross-tab channel: it tells the others what changed its session and
 * hears what changed theirs. News older than this tab's state (by `clock`, the server's time)
 * is dropped: a late message must not undo a newer state.
 */
function createSessionTabs(clock: ServerClock) {
  let channel: SessionChannel | null = null
  return {
    /** Opens the channel: `hear` gets every valid message newer than this tab's state. Returns the close. */
    open(name: string, hear: (message: SessionMessage) => void): () => void {
      const connection = openSessionChannel(name, (message) => {
        if (!clock.isOlder(messageServerTime(message))) hear(message)
      })
      channel = connection
      return () => {
        connection.close()
        if (channel === connection) channel = null
      }
    },
    /** Tells the others an answer that changed this tab's session (never what they told it). */
    tell(payload: SessionPayload, receivedAt: number): void {
      channel?.post({ type: 'session', payload, receivedAt })
    },
    /** The open channel, or null while the provider is not connected. */
    channel: (): SessionChannel | null => channel,
  }
}

export { createSessionTabs }
