import { formatDuration } from './duration.js'
import { subjectOf, type JobReport } from './job.js'
import { plainText } from './plain-text.js'
import type { StartFailure } from './start-jobs.js'

/** How the run ended, as the `status` output and the step's failure message. */
export interface Verdict {
  status: string
  /** One line per problem; empty when the step succeeds. */
  problems: string[]
}

export interface Outcome {
  reports: JobReport[]
  failures: StartFailure[]
  waited: boolean
  cancelled: boolean
  timeoutMs: number
}

/**
 * Finished when every job finished; Failed when any job failed, could not
 * be started or could not be checked; TimedOut when jobs were still running
 * at the deadline; Cancelled when the runner stopped the step. Without
 * waiting, the status the run call returned.
 */
export function judge(outcome: Outcome): Verdict {
  const { reports, failures } = outcome
  const problems = failures.map((f) => `Could not start a job for ${f.source}: ${f.message}`)
  for (const r of reports) {
    if (r.state === 'failed') problems.push(`Job ${r.jobId} for ${subjectOf(r)} ended with status ${plainText(r.status, 80)}`)
    else if (r.error) problems.push(`Could not check job ${r.jobId} for ${subjectOf(r)}: ${r.error}`)
  }

  const running = reports.filter((r) => r.state === 'running' && !r.error)
  if (outcome.cancelled) return { status: 'Cancelled', problems: [...problems, cancelledLine(running)] }
  if (!outcome.waited) {
    return { status: problems.length ? 'Failed' : startStatus(reports), problems }
  }
  if (running.length === 0) {
    return { status: problems.length ? 'Failed' : 'Finished', problems }
  }
  const status = problems.length ? 'Failed' : 'TimedOut'
  return { status, problems: [...problems, timeoutLine(running, outcome.timeoutMs)] }
}

function startStatus(reports: JobReport[]): string {
  const statuses = new Set(reports.map((r) => r.status))
  return statuses.size === 1 ? [...statuses][0] : 'Started'
}

function timeoutLine(running: JobReport[], timeoutMs: number): string {
  return `The timeout of ${formatDuration(timeoutMs)} passed with ${running.length} job${running.length > 1 ? 's' : ''} still running: ${describe(running)}`
}

function cancelledLine(running: JobReport[]): string {
  if (running.length === 0) return 'The run was cancelled.'
  return `The run was cancelled; these jobs keep running at Filestack: ${describe(running)}`
}

function describe(reports: JobReport[]): string {
  return reports
      .map((r) => `${subjectOf(r)} (job ${r.jobId}, last status ${plainText(r.status, 80)})`)
    .join('; ')
}
