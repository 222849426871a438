import Link from 'next/link'

function HomePage() {
  return (
    <>
      <h1>next-session-kit reference app</h1>
      <p>
        A cookie session you never refresh, checked on every route. Sign in with a short session and
        leave the dashboard open: when it expires you get one toast, the user state is cleared, the
        cookie is deleted and you are sent back to sign in.
      </p>
      <ul>
        <li>
          <Link href="/auth">Sign in</Link> (pick a session length)
        </li>
        <li>
          <Link href="/dashboard">Dashboard</Link>: protected on the server and in the browser
        </li>
        <li>
          <Link href="/settings">Settings</Link>: sign out of all devices; admins can end the
          sessions of other users
        </li>
      </ul>
    </>
  )
}

// Next.js requires pages as default exports.
export default HomePage
