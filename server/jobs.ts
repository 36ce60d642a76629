import { randomUUID } from 'node:crypto'
import { JOB_TTL } from './defaults.js'
import type { JobRule, ServerJob } from './types.js'

const RUNNING_STATUSES = ['Started', 'Processing']

/**
 * The first rule whose `match` fits the source or, for the handle of an
 * uploaded file, the filename it was uploaded with.
 */
export function findRule(rules: JobRule[], source: string, filename?: string): JobRule {
  const subjects = filename === undefined ? [source] : [source, filename]
  const fits = (match: string | RegExp): boolean =>
    subjects.some((subject) => {
      if (typeof match === 'string') return subject.includes(match)
      match.lastIndex = 0
      return match.test(subject)
    })
  return rules.find(({ match }) => match === undefined || fits(match)) ?? {}
}

export function newJob(
  workflow: string,
  source: string,
  rule: JobRule,
  apiKey?: string
): ServerJob {
  const jobid = randomUUID()
  return { jobid, apiKey, workflow, source, createdAt: Date.now(), rule }
}

/**
 * RFC 3339 with nanoseconds, as the service writes it; the digits below a
 * millisecond come from the job id so a job's times stay stable.
 */
export function timestamp(ms: number, jobid: string): string {
  const nanos = String(parseInt(jobid.slice(0, 5), 16) % 1e6)
  return new Date(ms).toISOString().replace('Z', `${nanos.padStart(6, '0')}Z`)
}

function describe(job: ServerJob, status: string, updatedMs: number) {
  return {
    createdAt: timestamp(job.createdAt, job.jobid),
    jobid: job.jobid,
    sources: [job.source],
    status,
    updatedAt: timestamp(updatedMs, job.jobid),
    workflow: job.workflow
  }
}

/** The answer of run_workflow: the job as it was just started. */
export function startedView(job: ServerJob): Record<string, unknown> {
  return describe(job, 'Started', job.createdAt)
}

/** The answer of workflow_status at `now`, by the job's rule. */
export function statusView(
  job: ServerJob,
  results: Record<string, unknown>,
  now: number
): Record<string, unknown> {
  const duration = job.rule.durationMs ?? 0
  const elapsed = now - job.createdAt
  if (elapsed >= duration) {
    const finished = job.createdAt + duration
    const status = job.rule.finalStatus ?? 'Finished'
    const view = describe(job, status, finished)
    return {
      createdAt: view.createdAt,
      jobid: view.jobid,
      results: job.rule.results ?? results,
      sources: view.sources,
      status,
      ttl: JOB_TTL,
      updatedAt: view.updatedAt,
      workflow: view.workflow
    }
  }
  const statuses = job.rule.runningStatuses?.length
    ? job.rule.runningStatuses
    : RUNNING_STATUSES
  const step = duration / statuses.length
  const index = Math.min(statuses.length - 1, Math.floor(elapsed / step))
  return describe(job, statuses[index], job.createdAt + index * step)
}
