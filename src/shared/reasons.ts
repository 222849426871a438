type ReasonFlags = {
  /** The user had a session and lost it: a toast, and `?reason=` on the way to the login page. */
  lost: boolean
  /** The cookie alone tells (`decryptSession`); otherwise it takes the app's `loadUser`. */
  fromToken: boolean
}

/**
 * Why there is no session: one line per reason, and everything else derives from this record.
 * A new reason is one line here; `tsc` then names every table that must list it (the toast's
 * messages, the mock scenarios, the route handler's cookie rule, the stories).
 */
const REASONS = {
  /** No cookie. */
  missing: { lost: false, fromToken: true },
  /** The token opened fine but is past its `exp`. */
  expired: { lost: true, fromToken: true },
  /** Anything else wrong with it (tampered, wrong key, bad algorithm, malformed). */
  invalid: { lost: true, fromToken: true },
  /** The token is fine but the app's `loadUser` returned null (deleted or banned). */
  revoked: { lost: true, fromToken: false },
} as const satisfies Record<string, ReasonFlags>

type Reasons = typeof REASONS
type ReasonWhere<Flag extends keyof ReasonFlags> = {
  [Reason in keyof Reasons]: Reasons[Reason][Flag] extends true ? Reason : never
}[keyof Reasons]

/** Why there is no session (the `reason` of an unauthenticated `SessionPayload`). */
type UnauthenticatedReason = keyof Reasons
/** `expired` / `invalid` / `revoked`: the user had a session and lost it (toast, `?reason=`). */
type LostSessionReason = ReasonWhere<'lost'>
/** What `decryptSession` can tell from the cookie alone, before `loadUser` runs. */
type TokenFailureReason = ReasonWhere<'fromToken'>

// `@__PURE__` on the two lists below: without it a bundler must keep these module-level calls,
// and the client bundle never reads the lists (they serve the server, the mocks and the stories).
/** Every reason, in the record's order. */
const UNAUTHENTICATED_REASONS = /* @__PURE__ */ Object.keys(
  REASONS,
) as ReadonlyArray<UnauthenticatedReason>

/** Reasons that mean "you had a session and lost it": these toast and travel in `?reason=`. */
const LOST_SESSION_REASONS: ReadonlyArray<LostSessionReason> =
  /* @__PURE__ */ UNAUTHENTICATED_REASONS.filter(
    (reason): reason is LostSessionReason => REASONS[reason].lost,
  )

function isUnauthenticatedReason(value: unknown): value is UnauthenticatedReason {
  return typeof value === 'string' && Object.hasOwn(REASONS, value)
}

/** Whether a value (a `?reason=` param, a state's reason) is a lost-session reason. */
function isLostSessionReason(value: unknown): value is LostSessionReason {
  return isUnauthenticatedReason(value) && REASONS[value].lost
}

export {
  isLostSessionReason,
  isUnauthenticatedReason,
  LOST_SESSION_REASONS,
  UNAUTHENTICATED_REASONS,
}
export type { LostSessionReason, TokenFailureReason, UnauthenticatedReason }
