'use client'
import { isRecord, parseIsoInstant } from '../shared/parse'
import { parseSessionPayload } from '../shared/schema'
import type { SessionPayload } from '../shared/types'

/**
 * What one tab tells the app's other tabs, so they follow without a request of their own:
 * - `session`: an answer from the server that changed this tab's session (a sign-in, a renewal,
 *   a changed user, a loss). `receivedAt`: when it arrived, client epoch ms; every tab of a
 *   browser reads the same clock, so the others time its expiry from it as this tab does.
 * - `signed-out`: the user signed out here. `at`: the server's clock then (ISO 8601), estimated.
 */
type SessionMessage =
  | { type: 'session'; payload: SessionPayload; receivedAt: number }
  | { type: 'signed-out'; at: string }

/** The cross-tab channel of one connected provider. */
type SessionChannel = {
  /** Tells every other tab of the app (never this one: BroadcastChannel skips its sender). */
  post: (message: SessionMessage) => void
  /** Stops listening. */
  close: () => void
}

/** The message `signed-out` at `at` (server epoch ms). */
function signedOutMessage(at: number): SessionMessage {
  return { type: 'signed-out', at: new Date(at).toISOString() }
}

/**
 * Another tab's message, checked as a response body is (the same schema): it is input too, from
 * any script of this origin or an older version of the app. Null when it is not one.
 */
function parseSessionMessage(data: unknown): SessionMessage | null {
  if (!isRecord(data)) return null
  if (data.type === 'signed-out') {
    const { at } = data
    return typeof at === 'string' && parseIsoInstant(at) !== null ? { type: data.type, at } : null
  }
  if (data.type !== 'session') return null
  const parsed = parseSessionPayload(data.payload)
  const { receivedAt } = data
  if (!parsed.ok || typeof receivedAt !== 'number' || !Number.isFinite(receivedAt)) return null
  return { type: data.type, payload: parsed.payload, receivedAt }
}

/** The server time a message speaks for, epoch ms: newer messages win, older ones are stale. */
function messageServerTime(message: SessionMessage): number {
  const { type } = message
  switch (type) {
    case 'session':
      return Date.parse(message.payload.serverTime) // checked by the schema
    case 'signed-out':
      return Date.parse(message.at)
    default:
      throw new TypeError(`messageServerTime: unknown type ${String(type satisfies never)}`)
  }
}

/**
 * Listens on `name` and hands every valid message of another tab to `onMessage`; anything else
 * on the channel is ignored. Browsers without BroadcastChannel still work (a no-op channel):
 * other tabs then learn on their next check.
 */
function openSessionChannel(
  name: string,
  onMessage: (message: SessionMessage) => void,
): SessionChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} }
  const channel = new BroadcastChannel(name)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parseSessionMessage(event.data)
    if (message) onMessage(message)
  }
  return { post: (message) => channel.postMessage(message), close: () => channel.close() }
}

/**
 * Tells the other tabs `message`: on the provider's open `channel`, or, for a sign-out that ends
 * after its provider unmounted (`null`), through a channel opened just for this message, which
 * must still reach them. postMessage queues the message for every listener before close(), so
 * it is not lost.
 */
function announce(channel: SessionChannel | null, name: string, message: SessionMessage): void {
  const sender = channel ?? openSessionChannel(name, () => {})
  sender.post(message)
  if (sender !== channel) sender.close()
}

export { announce, messageServerTime, openSessionChannel, parseSessionMessage, signedOutMessage }
export type { SessionChannel, SessionMessage }
