/**
 * The most jitter adds to a check, as a share of the step: enough to
 * spread hundreds of jobs started together over a few hundred
 * milliseconds, little enough that a job is not seen done much later.
 */
const JITTER_SHARE = 0.05

/** Settings of the poll schedule; every figure is in milliseconds. */
export interface ScheduleOptions {
  /** Shortest pause between two checks of one job (the `poll-interval` input). */
  minMs: number
  /** Longest pause between two checks of one job. */
  maxMs: number
}

/**
 * How long to wait before the next status check of a job that has run for
 * `elapsedMs`. A job that has run for a while will likely run a while
 * longer, so the checks fall on a schedule whose steps grow with the time
 * since the start: the interval plus a fifth of the time so far, up to the
 * cap. With a 1 s interval that is about 1, 2.2, 3.6, 5.4, 7.4, 9.9, 12.9,
 * 16.5, 20.8 and 26 s, so a job is seen done at most a fifth of its run
 * time late, and never more than the cap.
 *
 * Jitter adds up to a twentieth of the step to each check, measured from the
 * schedule rather than from the last check, so it spreads jobs started
 * together without making any check drift later and later.
 */
export function nextPollDelay(
  elapsedMs: number,
  options: ScheduleOptions,
  random: () => number = Math.random
): number {
  let at = 0
  let step = 0
  while (at <= elapsedMs) {
    step = Math.max(options.minMs, Math.min(options.maxMs, options.minMs + at / 5))
    at += step
  }
  const jittered = at + random() * step * JITTER_SHARE
  // Rounded up: a check that lands even a fraction before its time would
  // find the same point still ahead and add a needless check minMs later.
  return Math.ceil(Math.max(options.minMs, jittered - elapsedMs))
}
