import 'server-only'

// Revoked user ids, in memory. Fine for a demo server: one process, and a restart forgiving
// everyone is harmless here. A real app stores this next to its users (a `banned_at` column,
// a deleted row) so every instance agrees and it survives restarts; `loadUser` then reads it.
//
// Kept on globalThis, not in a module variable: Next.js may load this module more than once
// (the route handler, Server Components and Server Actions are bundled separately), and they
// must all see the same set or a revoked user would still pass in some of them.
const REVOCATIONS_KEY = Symbol.for('next-session-kit.reference-app.revoked-user-ids')

type GlobalWithRevocations = typeof globalThis & { [REVOCATIONS_KEY]?: Set<string> }

function revokedUserIds(): Set<string> {
  const holder = globalThis as GlobalWithRevocations
  holder[REVOCATIONS_KEY] ??= new Set<string>()
  return holder[REVOCATIONS_KEY]
}

function isRevoked(userId: string): boolean {
  return revokedUserIds().has(userId)
}

function revokeUser(userId: string): void {
  revokedUserIds().add(userId)
}

function restoreUser(userId: string): void {
  revokedUserIds().delete(userId)
}

export { isRevoked, restoreUser, revokeUser }
