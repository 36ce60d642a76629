import type { JobState } from './job.js'

/**
 * Failure states are not documented; these are the names seen in
 * comparable APIs, matched case-insensitively. Only `Finished` is known
 * for certain to be final.
 */
const FAILED = /^(failed|failure|error|errored|aborted|cancell?ed|rejected|timed[ _-]?out)$/

/** Names known to mean "still working", so they are not reported as unknown. */
const RUNNING = /^(started|pending|queued|running|processing|in[ _-]?progress)$/

/** What a status means for the wait: done, failed, or keep polling. */
export function jobState(status: string): JobState {
  const name = status.trim().toLowerCase()
  if (name === 'finished') return 'finished'
  if (FAILED.test(name)) return 'failed'
  return 'running'
}

/** True for a status the action has no meaning for; it is polled like a running one. */
export function isUnknownStatus(status: string): boolean {
  const name = status.trim().toLowerCase()
  return jobState(status) === 'running' && !RUNNING.test(name)
}
