'use client'
import { clampTimeoutMs } from './timeout-limit'

type ScheduleWarningOptions = {
  /** When the session ends (epoch ms). */
  expiresAt: number
  /** Warn once this many ms before `expiresAt`; positive (the caller checked it, positiveMs). */
  warnBefore: number
  /** Called once, inside the warning window, with the ms left (> 0 and <= `warnBefore`). */
  onWarn: (msLeft: number) => void
}

/**
 * Calls `onWarn` once `warnBefore` ms before `expiresAt`; returns the matching cancel. setTimeout
 * caps its delay at ~24.8 days (MAX_TIMEOUT_MS), so for a longer session the timer fires early:
 * then it schedules itself again for the time still to wait, until the window is reached.
 * Nothing is called when the session is already over (the expiry check tells the user).
 */
function scheduleWarning({ expiresAt, warnBefore, onWarn }: ScheduleWarningOptions): () => void {
  // The one pending timer of this schedule, local to the call (never module state).
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    const msLeft = expiresAt - Date.now()
    if (msLeft <= 0) return
    if (msLeft <= warnBefore) onWarn(msLeft)
    else timer = setTimeout(check, clampTimeoutMs(msLeft - warnBefore))
  }
  // The first check on a timer too: an effect that calls this must not toast while it runs.
  timer = setTimeout(check, clampTimeoutMs(expiresAt - warnBefore - Date.now()))
  return () => clearTimeout(timer)
}

export { scheduleWarning }
