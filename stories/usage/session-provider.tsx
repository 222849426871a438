// app/layout.tsx
import type { ReactNode } from 'react'
import { SessionProvider } from '@/lib/session/client'
import { getSession } from '@/lib/session/get-session'

// The layout reads the session on the server and hands it to the provider: the first paint
// already knows who is signed in, and the browser makes no request on mount. From then on the
// provider re-checks at expiry, on focus and on navigation, and keeps every tab in step.
async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SessionProvider initialSession={await getSession()}>{children}</SessionProvider>
      </body>
    </html>
  )
}

// Next.js requires the layout as the default export.
export default RootLayout
