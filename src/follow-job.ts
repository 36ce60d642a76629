import { formatDuration } from './duration.js'
import { CancelledError, messageOf } from './errors.js'
import type { FilestackClient } from './filestack.js'
import { subjectOf, type JobReport, type StatusResponse } from './job.js'
import { isUnknownStatus, jobState } from './job-state.js'
import { plainText } from './plain-text.js'
import { nextPollDelay, type ScheduleOptions } from './poll-schedule.js'
import { sleep } from './sleep.js'
import { logLine } from './log.js'

export interface WaitOptions {
  client: Pick<FilestackClient, 'workflowStatus'>
  /** Polling stops at this time (ms since the epoch). */
  deadline: number
  schedule: ScheduleOptions
  signal?: AbortSignal
}

/**
 * Follows a running job on its own schedule until it reaches a final
 * state, its status can no longer be read, or the deadline passes. The
 * report is updated in place, so a cancelled run can still report what it
 * knew.
 */
export async function followJob(report: JobReport, options: WaitOptions): Promise<void> {
  while (report.state === 'running' && !report.error) {
    const now = Date.now()
    const left = options.deadline - now
    if (left <= 0) return

    const delay = nextPollDelay(now - report.startedAt, options.schedule)
    await sleep(Math.min(delay, left), options.signal)
    try {
      update(report, await options.client.workflowStatus(report.jobId))
    } catch (error) {
      if (error instanceof CancelledError) throw error
      // A check cut short by the deadline leaves the job running: it timed out.
      if (Date.now() >= options.deadline) return
      report.error = messageOf(error)
      // Logged when it happens; the step's one error annotation comes with the verdict.
      logLine(`Stopped checking job ${report.jobId} for ${subjectOf(report)}: ${report.error}`)
    }
  }
}

/** Records a status answer, with a log line when the status changed. */
export function update(report: JobReport, response: StatusResponse): void {
  const previous = report.status
  report.response = response
  report.status = response.status
  report.state = jobState(response.status)
  if (report.state !== 'running') report.endedAt = Date.now()
  if (response.status === previous) return

  const took = formatDuration((report.endedAt ?? Date.now()) - report.startedAt)
  const status = plainText(response.status, 80)
  logLine(`Job ${report.jobId} for ${subjectOf(report)}: ${plainText(previous, 80)} → ${status} after ${took}`)
  if (isUnknownStatus(response.status)) {
    logLine(`Status "${status}" is not a known final state; job ${report.jobId} is polled until it ends or the deadline passes.`)
  }
}
