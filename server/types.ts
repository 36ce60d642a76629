/** Which API a request addressed, as far as its path tells. */
export type CallKind = 'run' | 'status' | 'upload' | 'other'

export interface RecordedRequest {
  method: string
  rawPath: string
  call: CallKind
  /** 0 while unanswered, and for requests that never got an answer. */
  statusCode: number
  at: number
  /** The decoded source of a run call. */
  source?: string
  jobId?: string
}

export interface JobRule {
  /** Substring or regex tested against the decoded source (and, for an uploaded handle, its filename); absent = any. */
  match?: string | RegExp
  /** Time from start until the final state; 0 = final on first check. */
  durationMs?: number
  finalStatus?: string
  /** Statuses served while running, in turn over the duration. */
  runningStatuses?: string[]
  /** Overrides the workflow's results for matching sources. */
  results?: Record<string, unknown>
}

export interface ServerJob {
  jobid: string
  apiKey?: string
  workflow: string
  source: string
  createdAt: number
  rule: JobRule
}

export type FaultKind =
  | 'status'
  | 'reset'
  | 'stall'
  | 'html'
  | 'bad-json'
  | 'start-then-reset'

export interface FaultRule {
  call: 'run' | 'status' | 'upload' | 'any'
  /**
   * Substring or regex tested against the request's source: the decoded
   * source of a run call, or the source of the job a status call names.
   * Absent = any request of the call.
   */
  match?: string | RegExp
  /** How many matching requests it affects before it is spent. */
  times?: number
  kind: FaultKind
  statusCode?: number
  body?: string
  headers?: Record<string, string>
  /**
   * Hold the request this long first. A 'stall' then answers normally (and
   * absent, never answers); the other kinds then answer as they say.
   */
  delayMs?: number
}

export interface RateLimit {
  limit: number
  windowMs: number
}

export interface ServerOptions {
  port?: number
  /** apiKey -> appSecret */
  apps?: Record<string, string>
  /** workflow id -> `results` of a finished job */
  workflows?: Record<string, Record<string, unknown>>
  jobRules?: JobRule[]
  rateLimit?: RateLimit
  faults?: FaultRule[]
}

export interface FilestackServer {
  url: string
  requests: RecordedRequest[]
  jobs: Map<string, ServerJob>
  uploads: Map<string, Buffer>
  /** Requests received and not yet answered or dropped. */
  readonly inFlight: number
  /** The most requests in flight at once; set it (to 0) to start counting afresh. */
  maxInFlight: number
  inject(fault: FaultRule): void
  configure(patch: Partial<ServerOptions>): void
  close(): Promise<void>
}
