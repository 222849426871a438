'use client'
// components/user-badge.tsx
import Link from 'next/link'
import { useUser } from '@/lib/session/client'

// Reads the provider's store: a badge in the header and ten more components calling useUser()
// make no request of their own.
function UserBadge() {
  const { user, status } = useUser()
  if (status === 'loading') return <p>Checking your session…</p>
  if (user === null) return <Link href="/auth">Sign in</Link>
  return (
    <p>
      Signed in as <strong>{user.name}</strong> ({user.role})
    </p>
  )
}

export { UserBadge }
