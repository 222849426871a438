// The demo accounts as the sign-in page shows them. Passwords in plain text on purpose: this is
// a demo you run on your own machine. The server never compares against these strings; it keeps
// only scrypt hashes of them (./user-directory.ts), the way a real user store would.

type DemoAccount = {
  email: string
  password: string
  /** What the account is for, shown next to it on the sign-in page. */
  purpose: string
}

const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount> = [
  {
    email: 'ada@example.com',
    password: 'ada-admin-demo',
    purpose: 'Admin: can open Settings and revoke users',
  },
  {
    email: 'max@example.com',
    password: 'max-member-demo',
    purpose: 'Member: Settings says admins only',
  },
  {
    email: 'sam@example.com',
    password: 'sam-member-demo',
    purpose: 'Member an admin can revoke (shows "revoked")',
  },
  {
    email: 'olga@example.com',
    password: 'olga-oversize-demo',
    purpose: 'Session too big for a cookie (over 4096 bytes): sign-in fails with a clear error',
  },
]

export { DEMO_ACCOUNTS }
export type { DemoAccount }
