'use client'
import { useEffect, useState } from 'react'
import { useSession } from '@/lib/session/client'

const TICK_MS = 1000 // the countdown shows whole seconds

/** When the session ends, and a live "in N s" so a demo visitor can watch it run out. */
function SessionCountdown() {
  const { session } = useSession()
  // null until mounted: the server's clock and the browser's differ, and the first client
  // render must match the server's HTML.
  const [now, setNow] = useState<number | null>(null)

  useEffect(() => {
    const tick = () => setNow(Date.now())
    const timer = setInterval(tick, TICK_MS)
    tick()
    return () => clearInterval(timer)
  }, [])

  if (session.status !== 'authenticated') return null
  const endsAt = new Date(session.expiresAt).toISOString()
  const secondsLeft =
    now === null ? null : Math.max(0, Math.round((session.expiresAt - now) / 1000))
  return (
    <p>
      Your session ends at <time dateTime={endsAt}>{endsAt.slice(11, 19)} UTC</time>
      {secondsLeft === null ? null : ` (in ${secondsLeft.toLocaleString('en')} s)`}. It is never
      refreshed: when it ends, this page notices by itself.
    </p>
  )
}

export { SessionCountdown }
