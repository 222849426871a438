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
    purpose: 'Admin: Settings can end the sessions of other users',
  },
  {
    email: 'max@example.com',
    password: 'max-member-demo',
    purpose: 'Member: Settings shows no user list (admins only)',
  },
  {
    email: 'sam@example.com',
    password: 'sam-member-demo',
    purpose: 'Member whose sessions an admin can end (shows "revoked")',
  },
  {
    email: 'dee@example.com',
    password: 'dee-devices-demo',
    purpose: 'Member on two browsers: Settings > "Sign out of all devices" signs out both',
  },
  {
    email: 'olga@example.com',
    password: 'olga-oversize-demo',
    purpose: 'Session too big for a cookie (over 4096 bytes): sign-in fails with a clear error',
  },
]

export { DEMO_ACCOUNTS }
export type { DemoAccount }
