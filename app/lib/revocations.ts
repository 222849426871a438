import 'server-only'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Revoked user ids, in a small JSON file every instance of the app reads on each check: the e2e
// suite runs two `next start` instances behind one proxy, and a user revoked through one must be
// refused by the other. A stand-in until the kit has a real revocation store; a real app keeps
// this next to its users (a `banned_at` column, a deleted row) and `loadUser` reads it.
//
// In a file rather than in memory also means Next.js loading this module more than once (the
// route handler, Server Components and Server Actions are bundled separately) cannot split it.

/** REVOKED_USER_IDS_FILE names the file (the e2e run sets one per run); else one in the temp dir. */
function revocationsFile(): string {
  return (
    process.env.REVOKED_USER_IDS_FILE ??
    path.join(os.tmpdir(), 'next-session-kit-reference-app-revoked-user-ids.json')
  )
}

function readRevoked(): Set<string> {
  try {
    const ids: unknown = JSON.parse(readFileSync(revocationsFile(), 'utf8'))
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [])
  } catch (error) {
    // No file yet: nobody has been revoked.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set()
    throw error
  }
}

function writeRevoked(ids: Set<string>): void {
  const file = revocationsFile()
  // Written aside and renamed into place: a reader in the other instance sees the old list or
  // the new one, never half a file. (Two admins writing at the same instant could lose one
  // change; acceptable for a demo, and why a real app uses its database.)
  const partial = `${file}.${process.pid}.tmp`
  writeFileSync(partial, JSON.stringify([...ids]))
  renameSync(partial, file)
}

function isRevoked(userId: string): boolean {
  return readRevoked().has(userId)
}

function revokeUser(userId: string): void {
  const ids = readRevoked()
  ids.add(userId)
  writeRevoked(ids)
}

function restoreUser(userId: string): void {
  const ids = readRevoked()
  ids.delete(userId)
  writeRevoked(ids)
}

export { isRevoked, restoreUser, revokeUser }
