/**
 * A request is not allowed to run past the deadline by more than this, so
 * the last status check, made at the deadline, still gets an answer.
 */
export const DEADLINE_GRACE_MS = 2000

/** How long a request sent now may take, at most, to stay within the deadline and its grace. */
export function timeLeft(deadline: number, now: number = Date.now()): number {
  return Math.max(DEADLINE_GRACE_MS, deadline - now)
}
