import { Component, type ReactNode } from 'react'

/** Prefix of the `digest` that `redirect()` from next/navigation puts on the error it throws. */
const REDIRECT_DIGEST_PREFIX = 'NEXT_REDIRECT;'

type RedirectBoundaryProps = {
  /** The (async Server) component that may call `redirect()`. */
  children: ReactNode
}

type RedirectBoundaryState =
  { caught: null } | { caught: { digest: string } } | { caught: { other: unknown } }

/** The digest of a `redirect()` error, or null for any other error. */
function redirectDigest(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('digest' in error)) return null
  const { digest } = error
  return typeof digest === 'string' && digest.startsWith(REDIRECT_DIGEST_PREFIX) ? digest : null
}

/**
 * The URL of a redirect digest. Next.js writes `NEXT_REDIRECT;<type>;<url>;<status>;`
 * (`replace` and 307 from a Server Component; Storybook's mocked redirect() says `push` and 303).
 * A URL may itself contain `;`, so everything between the type and the status is the URL, as in
 * Next's own getURLFromRedirectError.
 */
function redirectTarget(digest: string): string {
  return digest.split(';').slice(2, -2).join(';')
}

/**
 * Catches the error `redirect()` throws and shows where it was going, so a play function can
 * check the exact href. Without it, Storybook's mocked router handles the redirect by rendering
 * the story again, which redirects again: a loop. Any other error is thrown on to the next
 * boundary.
 */
class RedirectBoundary extends Component<RedirectBoundaryProps, RedirectBoundaryState> {
  override state: RedirectBoundaryState = { caught: null }

  static getDerivedStateFromError(error: unknown): RedirectBoundaryState {
    const digest = redirectDigest(error)
    return { caught: digest === null ? { other: error } : { digest } }
  }

  override render() {
    const { caught } = this.state
    if (caught === null) return this.props.children
    if ('other' in caught) throw caught.other
    return (
      <section aria-label="Redirect">
        <p role="status">
          Redirected to <code data-testid="redirect-target">{redirectTarget(caught.digest)}</code>
        </p>
        <p>
          Digest: <code data-testid="redirect-digest">{caught.digest}</code>
        </p>
      </section>
    )
  }
}

export { RedirectBoundary, redirectTarget }
