import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { describeRevocationStore } from '@/test/support/revocation-store-contract'
import { RevocationStoreError } from './revocation-store'
import { sqliteRevocationStore } from './sqlite-revocation-store'

const dir = mkdtempSync(path.join(os.tmpdir(), 'session-kit-sqlite-'))
let files = 0
const newFile = () => path.join(dir, `run-${++files}`, 'revocations.sqlite')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const HOUR_MS = 3_600_000
// The contract's stores, closed after the file (each holds the file open).
const opened: Array<ReturnType<typeof sqliteRevocationStore>> = []
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()))
})
describeRevocationStore('sqlite', () => {
  const store = sqliteRevocationStore({ path: newFile() })
  opened.push(store)
  return store
})

/** Holds the file's write lock for `holdMs` in another process, then commits a revoked session there. */
function lockInAnotherProcess(file: string, holdMs: number): Promise<{ done: Promise<void> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1])
    db.exec('BEGIN IMMEDIATE')
    db.prepare('INSERT INTO revoked_sessions (session_id, until) VALUES (?, ?)').run('from-child', Date.now() + 3600000)
    console.log('locked')
    setTimeout(() => { db.exec('COMMIT'); db.close() }, Number(process.argv[2]))`
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs)], {
    cwd: process.cwd(),
  })
  const done = new Promise<void>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`child exited ${code}`)),
    ),
  )
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ done }))
    child.once('error', reject)
  })
}

describe('sqliteRevocationStore', () => {
  it('creates the directory and a WAL database in it, at SESSION_REVOCATION_DB when no path is given', async () => {
    const file = newFile()
    vi.stubEnv('SESSION_REVOCATION_DB', file)
    const store = sqliteRevocationStore()
    vi.unstubAllEnvs()
    await store.revokeSession('s1', Date.now() + HOUR_MS, Date.now())
    await store.close()
    expect(existsSync(file)).toBe(true)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('two handles on one file (two instances of the app) see each other’s revocations', async () => {
    const file = newFile()
    const [a, b] = [sqliteRevocationStore({ path: file }), sqliteRevocationStore({ path: file })]
    const now = Date.now()
    await a.revokeSession('s1', now + HOUR_MS, now)
    await b.revokeUser('u2', now, now + HOUR_MS, now)
    expect(await b.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: now - 1 }, now)).toBe(true)
    expect(await a.isRevoked({ userId: 'u2', sessionId: 's2', issuedAt: now - 1 }, now)).toBe(true)
    await Promise.all([a.close(), b.close()])
  })

  it('another process: a write waits for its lock (busy timeout), and its revocation is seen', async () => {
    const file = newFile()
    const store = sqliteRevocationStore({ path: file })
    const now = Date.now()
    await store.revokeSession('s0', now + HOUR_MS, now) // creates the schema
    const { done } = await lockInAnotherProcess(file, 300)
    const started = performance.now()
    await store.revokeSession('s1', now + HOUR_MS, now)
    expect(performance.now() - started).toBeGreaterThan(150)
    await done
    expect(
      await store.isRevoked({ userId: 'u1', sessionId: 'from-child', issuedAt: now }, now),
    ).toBe(true)
    expect(await store.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: now }, now)).toBe(true)
    await store.close()
  })

  it('a lock held past the busy timeout is a RevocationStoreError, not a hang', async () => {
    const file = newFile()
    const store = sqliteRevocationStore({ path: file, busyTimeoutMs: 50 })
    const now = Date.now()
    await store.revokeSession('s0', now + HOUR_MS, now)
    const { done } = await lockInAnotherProcess(file, 500)
    await expect(store.revokeUser('u1', now, now + HOUR_MS, now)).rejects.toThrow(
      RevocationStoreError,
    )
    await done
    await store.close()
  })

  it('a file that can’t be opened is a RevocationStoreError per call, not a crash at start-up', async () => {
    const store = sqliteRevocationStore({ path: '/dev/null/revocations.sqlite' })
    const error = await store
      .isRevoked({ userId: 'u1', sessionId: null, issuedAt: 0 }, 1)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RevocationStoreError)
    expect((error as Error).cause).toBeInstanceOf(Error)
  })

  it('ignores rows past `until` before any sweep, and a new cut-off replaces an expired higher one', async () => {
    const store = sqliteRevocationStore({ path: newFile() })
    const t = Date.now()
    await store.revokeSession('s1', t + 100, t)
    await store.revokeUser('u1', t, t + 100, t)
    expect(await store.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: t - 1 }, t + 100)).toBe(
      false,
    )
    await store.revokeUser('u1', t - 50, t + HOUR_MS, t + 200)
    expect(
      await store.isRevoked({ userId: 'u1', sessionId: null, issuedAt: t - 10 }, t + 200),
    ).toBe(false)
    expect(
      await store.isRevoked({ userId: 'u1', sessionId: null, issuedAt: t - 60 }, t + 200),
    ).toBe(true)
    await store.close()
  })

  it('sweeps expired rows on a write, at most once a minute', async () => {
    const file = newFile()
    const store = sqliteRevocationStore({ path: file })
    const t = Date.now()
    const count = () => {
      const db = new Database(file, { readonly: true })
      const row = db
        .prepare(
          'SELECT (SELECT count(*) FROM revoked_sessions) + (SELECT count(*) FROM revoked_users) AS n',
        )
        .get() as { n: number }
      db.close()
      return row.n
    }
    await store.revokeSession('old', t + 100, t) // the first write sweeps (nothing yet)
    await store.revokeUser('u-old', t, t + 100, t)
    await store.revokeSession('new', t + HOUR_MS, t + 30_000) // within the minute: no sweep
    expect(count()).toBe(3)
    await store.revokeSession('newer', t + HOUR_MS, t + 61_000)
    expect(count()).toBe(2)
    await store.close()
  })
})
