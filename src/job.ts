/** A job's state as the action understands it. */
export type JobState = 'running' | 'finished' | 'failed'

/**
 * A workflow_status (or run_workflow) answer. Only `jobid` and `status` are
 * relied on; Filestack may add fields, and they are kept as they came.
 */
export interface StatusResponse {
  jobid: string
  status: string
  results?: Record<string, unknown>
  sources?: unknown[]
  workflow?: string
  createdAt?: string
  updatedAt?: string
  ttl?: number
  [field: string]: unknown
}

/** One source's job, from its start to its last known status. */
export interface JobReport {
  /** The source exactly as the user wrote it. */
  source: string
  /** The workspace path of an uploaded file, when the source came from one. */
  file?: string
  jobId: string
  /** The last status Filestack reported, as it spelled it. */
  status: string
  state: JobState
  /** The last answer from Filestack for this job. */
  response: StatusResponse
  /** When the job was started, in milliseconds since the epoch. */
  startedAt: number
  /** When the job reached a final state, in milliseconds since the epoch. */
  endedAt?: number
  /** Why its status could no longer be checked, when that happened. */
  error?: string
}

/** How logs and messages name a job's subject: the file path for uploads, else the source. */
export function subjectOf(report: Pick<JobReport, 'source' | 'file'>): string {
  return report.file ?? report.source
}
