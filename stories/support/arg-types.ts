import type { InputType } from 'storybook/internal/types'
import { MINUTE_MS, SECOND_MS } from '../../mocks/fixtures/sessions'

// Controls for the kit's props. A number control's "Set number" button sets 0, which the kit
// rejects for durations (it throws): a range control keeps every value between its bounds.

/** `warnBefore`: one to thirty minutes before the session ends, in whole minutes. */
const WARN_BEFORE_CONTROL: InputType = {
  control: { type: 'range', min: MINUTE_MS, max: 30 * MINUTE_MS, step: MINUTE_MS },
}

/** A positive duration in ms, from 100 ms to `maxMs`. */
function durationControl(maxMs: number, stepMs: number = 100): InputType {
  return { control: { type: 'range', min: 100, max: maxMs, step: stepMs } }
}

/** A duration where 0 means "off" (`refetchInterval`), up to ten minutes in 10 s steps. */
const OPTIONAL_INTERVAL_CONTROL: InputType = {
  control: { type: 'range', min: 0, max: 10 * MINUTE_MS, step: 10 * SECOND_MS },
}

/** Markup passed as a prop: set by the story, shown in the table as its type, not as an object. */
const REACT_NODE_ARG: InputType = { control: false, table: { type: { summary: 'ReactNode' } } }

/** A function or object prop no control can edit; `summary` is its type as the table shows it. */
function notEditable(summary: string): InputType {
  return { control: false, table: { type: { summary } } }
}

export {
  durationControl,
  notEditable,
  OPTIONAL_INTERVAL_CONTROL,
  REACT_NODE_ARG,
  WARN_BEFORE_CONTROL,
}
