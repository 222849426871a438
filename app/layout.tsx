import type { Metadata } from 'next'
import { unstable_rethrow } from 'next/navigation'
import type { ReactNode } from 'react'
import { Toaster } from 'sonner'
import { SessionProvider } from '@/lib/session/client'
import { ExpiryToast } from '@/lib/session/toast'
import type { SessionPayload } from '@/lib/session'
import { SiteHeader } from './components/site-header'
import { getSession } from './lib/session'
import './globals.css'

const metadata: Metadata = {
  title: 'next-session-kit reference app',
  description: 'Cookie sessions in the App Router: sign in, watch a session expire, get one toast.',
}

/**
 * The same server code that answers GET /api/session: the first client state is exactly what the
 * endpoint would say, so there is no loading flash and no request on mount. If the check itself
 * fails (the user store is down), every page must not become a 500, and nobody is signed out:
 * the provider starts with nothing known and asks the endpoint, which reports the error.
 */
async function initialSessionOrNull(): Promise<SessionPayload | null> {
  try {
    return await getSession()
  } catch (error) {
    // Next's own control flow (dynamic rendering, redirects) travels as thrown errors: let it
    // through, or the build would prerender every page with no session.
    unstable_rethrow(error)
    console.error('Session check failed while rendering the layout:', error)
    return null
  }
}

async function RootLayout({ children }: { children: ReactNode }) {
  const initialSession = await initialSessionOrNull()
  return (
    <html lang="en">
      <body>
        <SessionProvider initialSession={initialSession}>
          <SiteHeader />
          <main>{children}</main>
          <ExpiryToast />
        </SessionProvider>
        {/* ExpiryToast needs a sonner Toaster somewhere in the app. */}
        <Toaster position="top-center" closeButton />
      </body>
    </html>
  )
}

// Next.js requires the layout as the default export.
export default RootLayout
export { metadata }
