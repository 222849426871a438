import { createSessionDal } from '@/lib/session/server/dal'
import { minutesFromNow } from './minutes-from-now'
import { loadFixtureUser } from './story-tokens'

type AccountPageProps = {
  /** Passed to `verifySession({ next })`; without it, the path the proxy forwarded is used. */
  next?: string
}

// The app's DAL, as app/lib/session.ts makes it, with the fixture users as `loadUser`.
const { verifySession } = createSessionDal({ loadUser: loadFixtureUser })

/** A protected page as an app writes it: an async Server Component that calls `verifySession()`. */
async function AccountPage({ next }: AccountPageProps) {
  const { user, expiresAt } = await verifySession(next === undefined ? undefined : { next })
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">Signed in as {user.name}</h2>
      <dl>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
        <dt>Session ends</dt>
        <dd>
          {/* The instant stays in dateTime; the text is one two renders seconds apart agree on. */}
          <time dateTime={expiresAt}>{minutesFromNow(Date.parse(expiresAt))}</time>
        </dd>
      </dl>
    </section>
  )
}

export { AccountPage }
export type { AccountPageProps }
