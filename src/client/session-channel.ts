'use client'
import { isRecord } from '../shared/parse'

/** What a tab tells the others after its user signed out. */
const SIGNED_OUT_MESSAGE = { type: 'signed-out' } as const

/** The cross-tab channel of one connected provider. */
type SessionChannel = {
  /** Tells every other tab of the app that the user signed out. */
  announceSignedOut: () => void
  /** Stops listening. */
  close: () => void
}

/**
 * Listens on `name` and calls `onSignedOut` when another tab signs out. Browsers without
 * BroadcastChannel still work (a no-op channel): other tabs then learn on their next check.
 */
function openSessionChannel(name: string, onSignedOut: () => void): SessionChannel {
  if (typeof BroadcastChannel === 'undefined') return { announceSignedOut() {}, close() {} }
  const channel = new BroadcastChannel(name)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isRecord(event.data) && event.data.type === SIGNED_OUT_MESSAGE.type) onSignedOut()
  }
  return {
    announceSignedOut: () => channel.postMessage(SIGNED_OUT_MESSAGE),
    close: () => channel.close(),
  }
}

/**
 * Tells the other tabs that the user signed out: on the provider's open `channel`, or, for a
 * sign-out that ends after its provider unmounted (`null`), through a channel opened just for
 * this message, which must still reach them. postMessage queues the message for every listener
 * before close(), so it is not lost.
 */
function announceSignedOut(channel: SessionChannel | null, name: string): void {
  const sender = channel ?? openSessionChannel(name, () => {})
  sender.announceSignedOut()
  if (sender !== channel) sender.close()
}

export { announceSignedOut, openSessionChannel, SIGNED_OUT_MESSAGE }
export type { SessionChannel }
