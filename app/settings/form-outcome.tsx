import type { SessionsFormState } from './actions'

type FormOutcomeProps = {
  /** The last answer of a Settings form's action. */
  state: SessionsFormState
}

/** What a Settings form's last submit did: a status when it worked, an alert when it failed. */
function FormOutcome({ state }: FormOutcomeProps) {
  switch (state.status) {
    case 'idle':
      return null
    case 'done':
      return <p role="status">{state.message}</p>
    case 'failed':
      return (
        <p className="error" role="alert">
          {state.message}
        </p>
      )
    default:
      return state satisfies never
  }
}

export { FormOutcome }
export type { FormOutcomeProps }
