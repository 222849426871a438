export * from './shared/constants'
export {
  isLostSessionReason,
  isUnauthenticatedReason,
  LOST_SESSION_REASONS,
  UNAUTHENTICATED_REASONS,
} from './shared/reasons'
export { isSafeNextPath, loginHref, safeNextPath } from './shared/redirect'
export { parseSessionPayload } from './shared/schema'
export { parseSessionUser } from './shared/user'
export type { LoginHrefOptions } from './shared/redirect'
export type { ParseResult } from './shared/schema'
export type * from './shared/types'

// Shared entry: re-exports only. Plain TypeScript, safe to import from server and client code.
// Every constant and every contract type is public, so those two files are re-exported whole.
