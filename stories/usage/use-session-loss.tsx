'use client'
// components/session-lost-banner.tsx
import Link from 'next/link'
import { useState } from 'react'
import { useSessionLoss, type SessionLoss } from '@/lib/session/client'

// Your own UI instead of ExpiryToast: useSessionLoss says when a session is lost (once per loss),
// this banner decides how it looks. Render it inside SessionProvider and a <Suspense> boundary.
function SessionLostBanner() {
  const [loss, setLoss] = useState<SessionLoss | null>(null)
  useSessionLoss({ onLoss: setLoss })
  if (loss === null) return null
  return (
    <div role="alert">
      <p>You were signed out ({loss.reason}).</p>
      {loss.onLoginPage ? null : <Link href={loss.signInHref}>Sign in again</Link>}
    </div>
  )
}

export { SessionLostBanner }
