'use client'
import Link from 'next/link'
import { Suspense, useState } from 'react'
import { useSessionLoss, type SessionLoss } from '@/lib/session/client'
import type { LostSessionReason } from '@/lib/session/shared/types'

const MESSAGES: Record<LostSessionReason, string> = {
  expired: 'Your session has expired. Please sign in again.',
  invalid: 'Your session is no longer valid. Please sign in again.',
  revoked: 'Your access has been revoked. Please sign in again.',
}

type SessionLostNoticeProps = {
  /** Warn this many ms before the session ends (e.g. 120_000); no warning when omitted. */
  warnBefore?: number
}

function SessionLostNoticeView({ warnBefore }: SessionLostNoticeProps) {
  const [loss, setLoss] = useState<SessionLoss | null>(null)
  const [minutesLeft, setMinutesLeft] = useState<number | null>(null)
  // useSessionLoss decides WHEN (each loss once, `?reason=` only where believable, then
  // stripped); this component only decides how it looks.
  useSessionLoss({
    onLoss: setLoss,
    ...(warnBefore === undefined
      ? {}
      : { warnBefore, onWarning: (msLeft: number) => setMinutesLeft(Math.ceil(msLeft / 60_000)) }),
  })

  if (loss === null) {
    return minutesLeft === null ? null : (
      <p role="status">Your session expires in {minutesLeft} min.</p>
    )
  }
  return (
    <div role="alert">
      <p>{MESSAGES[loss.reason]}</p>
      {loss.onLoginPage ? null : <Link href={loss.signInHref}>Sign in</Link>}
      <button type="button" onClick={() => setLoss(null)}>
        Dismiss
      </button>
    </div>
  )
}

/**
 * Your own "session lost" banner instead of ExpiryToast and sonner: render it once, inside
 * SessionProvider (in the root layout, so it stays up across the redirect to the login page).
 */
function SessionLostNotice(props: SessionLostNoticeProps) {
  // useSearchParams() (inside useSessionLoss) on a statically rendered page needs a Suspense boundary.
  return (
    <Suspense fallback={null}>
      <SessionLostNoticeView {...props} />
    </Suspense>
  )
}

export { SessionLostNotice }
