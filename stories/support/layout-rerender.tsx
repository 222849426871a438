import { useState, type ReactNode } from 'react'
import type { SessionPayload } from '@/lib/session/shared/types'

type LayoutRerenderProps = {
  /** What the first server render passed as `initialSession`. */
  first: SessionPayload | null
  /** What the next server render passes. */
  next: SessionPayload
  /** The button's label. */
  label: string
  /** Renders the provider with the current `initialSession`. */
  children: (initialSession: SessionPayload | null) => ReactNode
}

/** Stands in for Next.js rendering the root layout again (Server Action, router.refresh()). */
function LayoutRerender({ first, next, label, children }: LayoutRerenderProps) {
  const [initialSession, setInitialSession] = useState(first)
  return (
    <>
      <button type="button" onClick={() => setInitialSession(next)}>
        {label}
      </button>
      {children(initialSession)}
    </>
  )
}

export { LayoutRerender }
