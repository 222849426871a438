import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { Toaster } from 'sonner'
import { ExpiryToast, SessionProvider } from '../src/client'
import { SiteHeader } from './components/site-header'
import { getSession } from './lib/session'
import './globals.css'

const metadata: Metadata = {
  title: 'next-session-kit reference app',
  description: 'Cookie sessions in the App Router: sign in, watch a session expire, get one toast.',
}

async function RootLayout({ children }: { children: ReactNode }) {
  // The same server code that answers GET /api/session: the first client state is exactly what
  // the endpoint would say, so there is no loading flash and no request on mount.
  const initialSession = await getSession()
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
