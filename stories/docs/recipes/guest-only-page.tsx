import Link from 'next/link'
import { SessionGate } from '@/lib/session/client'

/**
 * app/signup/page.tsx: a page only signed-out visitors see. The proxy already sends a signed-in
 * visitor away before the page renders (guest-only-proxy.ts); the gate covers the moment the
 * visitor signs in on this very page, or in another tab, while it is open. A signed-in user is
 * sent on to the safe `?next=` path, or to the home path.
 */
function SignUpPage() {
  return (
    <SessionGate require="guest" fallback={<p>Checking your session…</p>}>
      <h1>Create an account</h1>
      <p>
        Already have one? <Link href="/auth">Sign in</Link>.
      </p>
      {/* your sign-up form */}
    </SessionGate>
  )
}

// Next.js requires pages as default exports.
export default SignUpPage
