import 'server-only'
import { scrypt, timingSafeEqual } from 'node:crypto'
import type { SessionUser } from '@/lib/session/shared/user'
import { normalizeEmail } from './normalize-email'

/** scrypt output length, in bytes. Cost parameters are node's defaults (N=16384, r=8, p=1). */
const HASH_BYTES = 32

type DirectoryEntry = {
  user: SessionUser
  /** `salt:hash`, both base64url: scrypt(password, salt, HASH_BYTES). Never the password. */
  passwordHash: string
}

// Stands in for an app that puts far too much into its session (a whole profile, a permission
// list): the token for this id is over the 4096-byte cookie limit, so signing in must fail loudly.
const OVERSIZE_USER_ID = `olga-${'x'.repeat(4000)}`

// The demo's user store. Plain-text passwords for these are in ./demo-accounts.ts (shown on the
// sign-in page); the hashes were made once with crypto.scryptSync(password, randomBytes(16), 32).
const DIRECTORY: ReadonlyArray<DirectoryEntry> = [
  {
    user: { id: 'user-ada', name: 'Ada Admin', email: 'ada@example.com', role: 'admin' },
    passwordHash: 'JuMgV2_v6yrtWptgYp_tyg:FufYsw_W6vEFO4oBjTn-48THg3F_K-w5ssApJgB0UW0',
  },
  {
    user: { id: 'user-max', name: 'Max Member', email: 'max@example.com', role: 'member' },
    passwordHash: '6A3DG-2cZ0Cps9-knSL4pQ:wqsOx_tuSwpZAtPZS_sHmQ2bbBoASQ7YRmG1gTv7aKI',
  },
  {
    user: { id: 'user-sam', name: 'Sam Sample', email: 'sam@example.com', role: 'member' },
    passwordHash: 'PyCZClhUJxWWROFp_YkdaA:1vPoVuOfTcht6AlATl3mAE0qVapSvnBoeSQu08HWDTQ',
  },
  {
    user: { id: 'user-dee', name: 'Dee Devices', email: 'dee@example.com', role: 'member' },
    passwordHash: '8rjij0UCML_pQmkoduGXgQ:tHvZjE7XDNrQ3qG-tgEB2Lmc_LjT3nivj6sJNxLg9io',
  },
  {
    user: {
      id: OVERSIZE_USER_ID,
      name: 'Olga Oversize',
      email: 'olga@example.com',
      role: 'member',
    },
    passwordHash: 'P1AM1L01qJVxCgFiaNTmCg:MjJTIFzBNYzQ9ItNu2sfmTbKuFRfzBf-y8BfCRm5xnI',
  },
]

// Compared against when the email is unknown, so "no such user" costs the same scrypt time as
// "wrong password" and response times do not reveal which emails exist.
const DECOY_HASH = 'AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, HASH_BYTES, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

async function passwordMatches(password: string, passwordHash: string): Promise<boolean> {
  const [salt = '', hash = ''] = passwordHash.split(':')
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'))
  // Constant time: a byte-by-byte `===` would leak how much of the hash matched.
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** The user with this email and password, or null. Emails compare case-insensitively. */
async function findUserByCredentials(email: string, password: string): Promise<SessionUser | null> {
  const wanted = normalizeEmail(email)
  const entry = DIRECTORY.find(({ user }) => user.email === wanted)
  const matches = await passwordMatches(password, entry?.passwordHash ?? DECOY_HASH)
  return entry && matches ? entry.user : null
}

/**
 * The kit's `loadUser`: the user behind a session, or null when unknown. Ended sessions never get
 * here: the kit asks the revocation store first (./revocation-store.ts).
 */
async function loadUser(userId: string): Promise<SessionUser | null> {
  return DIRECTORY.find(({ user }) => user.id === userId)?.user ?? null
}

/** Every user, for the admin's Settings page (never sent to non-admins). */
function listUsers(): ReadonlyArray<SessionUser> {
  return DIRECTORY.filter(({ user }) => user.id !== OVERSIZE_USER_ID).map(({ user }) => user)
}

export { findUserByCredentials, listUsers, loadUser }
