// app/layout.tsx
import type { ReactNode } from 'react'
import { Toaster } from 'sonner'
import { SessionProvider } from '@/lib/session/client'
import { ExpiryToast } from '@/lib/session/toast'
import { getSession } from '@/lib/session/get-session'

const TWO_MINUTES_MS = 2 * 60_000

async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SessionProvider initialSession={await getSession()}>
          {children}
          {/* One toast when the session is lost, a warning two minutes before it ends. */}
          <ExpiryToast warnBefore={TWO_MINUTES_MS} />
        </SessionProvider>
        {/* ExpiryToast renders nothing itself: sonner's Toaster shows its toasts. */}
        <Toaster position="top-center" closeButton />
      </body>
    </html>
  )
}

// Next.js requires the layout as the default export.
export default RootLayout
