export { sessionAtom, sessionStatusAtom, userAtom } from './client/atoms'
export { SessionGate } from './client/session-gate'
export { SessionProvider } from './client/session-provider'
export {
  FOCUS_THROTTLE_MS,
  REQUEST_TIMEOUT_MS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
} from './client/session-options'
export { useSession } from './client/use-session'
export { useSessionLoss } from './client/use-session-loss'
export { useUser } from './client/use-user'
export type { SessionGateErrorProps, SessionGateProps } from './client/session-gate'
export type { SessionProviderProps } from './client/session-provider'
export type { SessionFetcher } from './client/session-options'
export type { SignOutResult } from './client/session-request'
export type { UseSessionResult } from './client/use-session'
export type { SessionLoss, UseSessionLossOptions } from './client/use-session-loss'
export type { UseUserResult } from './client/use-user'

// Client entry: re-exports only. Every file it names starts with 'use client'. ExpiryToast has
// its own entry, lib/session/toast.ts, so importing from here never bundles sonner.
