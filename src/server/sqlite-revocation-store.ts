import 'server-only'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { checkRevocation, RevocationStoreError, type RevocationStore } from './revocation-store'

// The embedded default: one file per machine. Every instance on this machine that opens the same
// file shares its revocations; several hosts or serverless functions need the Redis store instead.
const DEFAULT_PATH = '.data/revocations.sqlite'
// A writer waits this long for another process's write lock before failing (a sign-out then
// answers 503 and the client retries): WAL readers never wait for writers.
const DEFAULT_BUSY_TIMEOUT_MS = 2_000
// Expired rows go on a write, at most once a minute: the sweep is a write transaction of its own.
const SWEEP_INTERVAL_MS = 60_000

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS revoked_sessions (
    session_id TEXT PRIMARY KEY NOT NULL,
    until INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS revoked_sessions_until ON revoked_sessions (until);
  CREATE TABLE IF NOT EXISTS revoked_users (
    user_id TEXT PRIMARY KEY NOT NULL,
    before INTEGER NOT NULL,
    until INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS revoked_users_until ON revoked_users (until);
`

// One statement answers both questions (the session's entry, the user's cut-off): one lookup a verify.
// Rows past `until` that no sweep has removed yet no longer count.
const IS_REVOKED = `
  SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE session_id = :sessionId AND until > :now)
      OR EXISTS (SELECT 1 FROM revoked_users
                 WHERE user_id = :userId AND until > :now AND before > :issuedAt) AS revoked`
const REVOKE_SESSION = `
  INSERT INTO revoked_sessions (session_id, until) VALUES (:sessionId, :until)
  ON CONFLICT (session_id) DO UPDATE SET until = max(until, excluded.until)`
// The cut-off only rises while the entry lives (a late, older sign-out must not un-revoke anyone);
// an expired row that no sweep has removed yet is replaced. SET reads the old row throughout.
const REVOKE_USER = `
  INSERT INTO revoked_users (user_id, before, until) VALUES (:userId, :before, :until)
  ON CONFLICT (user_id) DO UPDATE SET
    before = CASE WHEN until <= :now THEN excluded.before ELSE max(before, excluded.before) END,
    until = CASE WHEN until <= :now THEN excluded.until ELSE max(until, excluded.until) END`

type SqliteRevocationStoreOptions = {
  /** The database file; default: env SESSION_REVOCATION_DB, else `.data/revocations.sqlite` (relative to the working directory). */
  path?: string
  /** How long a write waits for another process's lock, in ms; default 2,000. */
  busyTimeoutMs?: number
}

type SqliteRevocationStore = RevocationStore & {
  /** Closes the file (tests, shutdown). A later call opens it again. */
  close(): Promise<void>
}

function openDatabase(file: string, busyTimeoutMs: number) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file, { timeout: busyTimeoutMs })
  // WAL: readers and one writer at a time across processes; NORMAL is durable enough in WAL mode
  // (a power cut may lose the last sign-outs, never corrupt the file) and skips an fsync a write.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(SCHEMA)
  return {
    db,
    isRevoked: db.prepare<[Record<string, string | number | null>], { revoked: 0 | 1 }>(IS_REVOKED),
    revokeSession: db.prepare(REVOKE_SESSION),
    revokeUser: db.prepare(REVOKE_USER),
    sweepSessions: db.prepare('DELETE FROM revoked_sessions WHERE until <= ?'),
    sweepUsers: db.prepare('DELETE FROM revoked_users WHERE until <= ?'),
  }
}

/** Revocations in a SQLite file through better-sqlite3: the embedded default, per machine. */
function sqliteRevocationStore(options: SqliteRevocationStoreOptions = {}): SqliteRevocationStore {
  const file = options.path ?? process.env.SESSION_REVOCATION_DB ?? DEFAULT_PATH
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  // Opened on first use, so a file that can't be opened is a RevocationStoreError (503) per request,
  // and the next request tries again, instead of a crash at start-up.
  let opened: ReturnType<typeof openDatabase> | null = null
  let lastSweep = -Infinity

  function run<T>(operation: (statements: ReturnType<typeof openDatabase>) => T): T {
    try {
      opened ??= openDatabase(file, busyTimeoutMs)
      return operation(opened)
    } catch (cause) {
      throw new RevocationStoreError(`SQLite revocation store (${file}) failed`, { cause })
    }
  }

  function sweep(statements: ReturnType<typeof openDatabase>, now: number) {
    if (now - lastSweep < SWEEP_INTERVAL_MS) return
    lastSweep = now
    statements.sweepSessions.run(now)
    statements.sweepUsers.run(now)
  }

  return {
    async isRevoked({ userId, sessionId, issuedAt }, now) {
      checkRevocation({ method: 'isRevoked', query: { userId, sessionId, issuedAt }, now })
      const row = run((s) => s.isRevoked.get({ userId, sessionId, issuedAt, now }))
      return row?.revoked === 1
    },
    async revokeSession(sessionId, until, now) {
      checkRevocation({ method: 'revokeSession', sessionId, until, now })
      run((s) => {
        s.revokeSession.run({ sessionId, until })
        sweep(s, now)
      })
    },
    async revokeUser(userId, before, until, now) {
      checkRevocation({ method: 'revokeUser', userId, before, until, now })
      run((s) => {
        s.revokeUser.run({ userId, before, until, now })
        sweep(s, now)
      })
    },
    async close() {
      opened?.db.close()
      opened = null
    },
  }
}

export { sqliteRevocationStore }
export type { SqliteRevocationStore, SqliteRevocationStoreOptions }
