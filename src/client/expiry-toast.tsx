'use client'
import { useRouter } from 'next/navigation'
import { Suspense } from 'react'
import { toast } from 'sonner'
import { SESSION_EXPIRED_TOAST_ID } from '../shared/constants'
import type { LostSessionReason } from '../shared/reasons'
import { useSessionContext } from './session-context'
import { useSessionLoss } from './use-session-loss'

/** The early warning has its own id: it may stand beside the expiry toast, never stack with itself. */
const SESSION_WARNING_TOAST_ID = `${SESSION_EXPIRED_TOAST_ID}-warning`
/** The expiry toast stays 10 s: long enough to read after a redirect to the login page. */
const EXPIRY_TOAST_DURATION_MS = 10_000
const MINUTE_MS = 60_000

/** One text per lost reason (a new reason without its text fails `tsc`), plus these two. */
type ExpiryToastMessages = Record<LostSessionReason, string> & {
  /** The early warning, given the ms left. */
  warning: (msLeft: number) => string
  /** Label of the action that goes to the login page. */
  signIn: string
}

const DEFAULT_MESSAGES: ExpiryToastMessages = {
  /** The session ran out. */
  expired: 'Your session has expired. Please sign in again.',
  /** The cookie could not be trusted (tampered, old key). */
  invalid: 'Your session is no longer valid. Please sign in again.',
  /** The app no longer knows the user (deleted or banned). */
  revoked: 'Your access has been revoked. Please sign in again.',
  warning: (msLeft) => {
    const minutes = Math.max(1, Math.ceil(msLeft / MINUTE_MS))
    return `Your session expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  },
  signIn: 'Sign in',
}

type ExpiryToastProps = {
  /** Warn once this many ms before the session ends (e.g. 120_000); no warning when omitted. */
  warnBefore?: number
  /** Copy for each toast (i18n); keys left out keep the English defaults. */
  messages?: Partial<ExpiryToastMessages>
}

function ExpiryToastEffects({ warnBefore, messages: overrides }: ExpiryToastProps) {
  useSessionContext('ExpiryToast') // outside SessionProvider, the error names ExpiryToast
  const router = useRouter()
  const messages = { ...DEFAULT_MESSAGES, ...overrides }
  useSessionLoss({
    onLoss: ({ reason, onLoginPage, signInHref }) => {
      toast.dismiss(SESSION_WARNING_TOAST_ID)
      toast(messages[reason], {
        id: SESSION_EXPIRED_TOAST_ID,
        duration: EXPIRY_TOAST_DURATION_MS,
        // On the login page itself the action would go nowhere.
        action: onLoginPage
          ? undefined
          : { label: messages.signIn, onClick: () => router.push(signInHref) },
      })
    },
    ...(warnBefore === undefined
      ? {}
      : {
          warnBefore,
          onWarning: (msLeft: number) =>
            toast.warning(messages.warning(msLeft), { id: SESSION_WARNING_TOAST_ID }),
        }),
  })
  return null
}

/**
 * One sonner toast (id `session-expired`) when a session is lost, with a 'Sign in' action; also
 * for a `?reason=` on the login path while signed out (what a server-side redirect leaves). It
 * strips a `?reason=` from any URL, and toasts for none elsewhere (a crafted link is not a loss).
 * Needs a sonner `<Toaster/>` somewhere in the app. Renders nothing itself. Built on
 * useSessionLoss: an app with its own toast calls that instead.
 */
function ExpiryToast(props: ExpiryToastProps) {
  // useSearchParams() on a statically rendered page needs a Suspense boundary (Next.js
  // refuses to build without one); this one shows nothing, as the toast itself does.
  return (
    <Suspense fallback={null}>
      <ExpiryToastEffects {...props} />
    </Suspense>
  )
}

export { DEFAULT_MESSAGES as DEFAULT_EXPIRY_MESSAGES, ExpiryToast, SESSION_WARNING_TOAST_ID }
export type { ExpiryToastMessages, ExpiryToastProps }
