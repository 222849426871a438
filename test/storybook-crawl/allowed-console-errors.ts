/**
 * `console.error` messages that are provably not errors of the kit or its stories, each with the
 * reason. Everything else fails the crawl: a story bug is fixed, never listed here.
 */
const ALLOWED_CONSOLE_ERRORS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  {
    pattern:
      /^Failed to load resource: the server responded with a status of 404 \(Not Found\) \(at https?:\/\/[^/]+\/favicon\.ico:\d+\)$/,
    why:
      'Chromium asks for /favicon.ico for any top-level page that links no icon. The crawler ' +
      'opens iframe.html as a top-level page; in the deployed Storybook it is only ever an iframe ' +
      'of index.html (which links favicon.svg), so no visitor makes this request.',
  },
  {
    pattern:
      /^Failed to load resource: (the server responded with a status of (429|500|503) \([A-Za-z ]+\)|net::ERR_FAILED) \(at https?:\/\/[^/]+\/api\/session:\d+\)$/,
    why:
      'Chromium logs every failed or non-2xx fetch as a console error (its network log, not a ' +
      'console.error call). /api/session answers 500, 429 or 503, or fails at the network, only ' +
      'in the stories whose MSW scenario says so (serverError, rateLimited, storeUnavailable, ' +
      'networkError, signOutFails, signOutStoreUnavailable in mocks/handlers/session.ts): the ' +
      'failure is the scenario, and the play function checks that the kit keeps the user and ' +
      'shows the error (or, for a sign-out, signs out and retries).',
  },
]

function allowedConsoleError(message: string): boolean {
  return ALLOWED_CONSOLE_ERRORS.some(({ pattern }) => pattern.test(message))
}

export { allowedConsoleError }
