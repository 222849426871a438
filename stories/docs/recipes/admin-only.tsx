'use client'
import type { ReactNode } from 'react'
import { SessionGate } from '@/lib/session/client'
import type { SessionUser } from '@/lib/session/shared/user'

// 'use client' is needed here, not just in SessionGate: `allow` is a function, and a Server
// Component cannot pass a function to a Client Component. Pages render <AdminOnly> instead.

/** The role check, on the user the session holds. */
function isAdmin(user: SessionUser): boolean {
  return user.role === 'admin'
}

type AdminOnlyProps = {
  /** What only administrators see. */
  children: ReactNode
}

/**
 * Renders `children` for a signed-in admin. A signed-in member sees the refusal (no redirect:
 * sending them to the sign-in page would not help). A signed-out visitor is still redirected to
 * the login page, and sees the refusal for the moment the redirect takes.
 */
function AdminOnly({ children }: AdminOnlyProps) {
  return (
    <SessionGate
      allow={isAdmin}
      fallback={<p>Checking your session…</p>}
      unauthorized={<p role="alert">This page is for administrators.</p>}
    >
      {children}
    </SessionGate>
  )
}

export { AdminOnly, isAdmin }
