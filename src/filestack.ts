import * as core from '@actions/core'
import {
  redactUrl,
  runWorkflowUrl,
  workflowStatusUrl,
  type Endpoint
} from './endpoints.js'
import { timeLeft } from './deadline.js'
import { FilestackError } from './errors.js'
import type { Http, HttpResponse } from './http.js'
import type { StatusResponse } from './job.js'
import type { Limiter } from './limiter.js'
import type { RateLimit } from './rate-limit.js'
import { describeFailure, sendWithRetries } from './retry.js'
import { sleep } from './sleep.js'
import type { Source } from './sources.js'
import { quote } from './plain-text.js'
import { logLine } from './log.js'

/** A job ID that is safe to put in a request path. */
export const JOB_ID = /^[A-Za-z0-9_-]{1,128}$/

export interface ClientOptions {
  http: Http
  endpoint: Endpoint
  limiter: Limiter
  rateLimit: RateLimit
  /** No retry is scheduled past this time (ms since the epoch). */
  deadline: number
  signal?: AbortSignal
  /** Attempts per request, the first included. */
  maxAttempts?: number
  log?: (line: string) => void
}

/** The two Workflows API calls, with retries, pacing and error advice. */
export class FilestackClient {
  constructor(private readonly options: ClientOptions) {}

  /** The signed policy every call of this run carries. */
  get security(): Endpoint['security'] {
    return this.options.endpoint.security
  }

  /**
   * Starts a job. `notSentBecause` is asked when the request's turn comes
   * (after any wait for a free slot): a reason it gives stops the request.
   */
  async runWorkflow(
    workflowId: string,
    source: Source,
    notSentBecause?: () => string | undefined
  ): Promise<StatusResponse> {
    if (!JOB_ID.test(workflowId)) {
      throw new FilestackError(`Workflow ID ${quote(workflowId)} would change the request path; it was not sent.`)
    }
    const url = runWorkflowUrl(this.options.endpoint, workflowId, source)
    const label = `run_workflow for ${source.text}`
    const response = await this.send(url, label, false, notSentBecause)
    return this.parse(response, label, RUN_ADVICE)
  }

  async workflowStatus(jobId: string): Promise<StatusResponse> {
    if (!JOB_ID.test(jobId)) {
      throw new FilestackError(`Job ID ${quote(jobId)} is not a Filestack job ID; it was not sent.`)
    }
    const url = workflowStatusUrl(this.options.endpoint, jobId)
    const label = `workflow_status for job ${jobId}`
    const response = await this.send(url, label, true)
    const status = this.parse(response, label, STATUS_ADVICE)
    if (status.jobid !== jobId) {
      throw new FilestackError(`${label} answered for another job, ${quote(status.jobid)}; check base-url and any proxy in between.`)
    }
    return status
  }

  private send(
    url: string,
    label: string,
    idempotent: boolean,
    notSentBecause?: () => string | undefined
  ): Promise<HttpResponse> {
    const { limiter, rateLimit, http, signal, deadline } = this.options
    const once = (): Promise<HttpResponse> =>
      limiter.run(async () => {
        const now = Date.now()
        await sleep(Math.min(rateLimit.delay(now), deadline - now), signal)
        // Asked after the pause (a timer, even at 0 ms), so that the answer
        // that freed this slot has been dealt with by then.
        const reason = notSentBecause?.()
        if (reason) throw new FilestackError(`not sent, since ${reason}`)
        const response = await http.get(url, timeLeft(deadline))
        rateLimit.observe(response.headers, limiter.inFlight - 1)
        core.debug(`GET ${redactUrl(url)} -> ${response.statusCode}`)
        return response
      })
    return sendWithRetries(once, {
      label,
      idempotent,
      maxAttempts: this.options.maxAttempts ?? 5,
      deadline: this.options.deadline,
      signal,
      log: this.options.log ?? logLine
    })
  }

  private parse(
    response: HttpResponse,
    label: string,
    advice: Record<number, string>
  ): StatusResponse {
    if (response.statusCode < 200 || response.statusCode >= 300) {
      const hint = advice[response.statusCode] ?? 'Check the inputs against the Filestack documentation.'
      throw new FilestackError(
        `${label} was refused with ${this.redact(describeFailure(response))}. ${hint}`,
        response.statusCode
      )
    }
    const body = parseJson(response.body)
    if (!isStatusResponse(body)) {
      throw new FilestackError(
        `${label} answered HTTP ${response.statusCode} without the expected JSON (jobid and status): ${this.redact(describeFailure(response))}. Check that base-url is the Workflows API and that no proxy answers in its place.`
      )
    }
    if (!JOB_ID.test(body.jobid)) {
      throw new FilestackError(`${label} returned a job ID that is not safe to use in a URL: ${quote(body.jobid)}`)
    }
    return body
  }

  /** Filestack may quote the policy or signature back; they never reach a message. */
  private redact(text: string): string {
    const { policy, signature } = this.options.endpoint.security
    return text.split(policy).join('[policy]').split(signature).join('[signature]')
  }
}

const RUN_ADVICE: Record<number, string> = {
  400: 'Check the source and the workflow ID.',
  401: 'Check api-key: it must belong to the application that owns the workflow.',
  403: "Check that the policy has not expired, that its signature was made with this application's secret, that its call list includes runWorkflow, and that it keeps its base64 = padding.",
  404: 'Check workflow-id (the workflow must belong to this application) and, for handles, that the file exists.'
}

const STATUS_ADVICE: Record<number, string> = {
  ...RUN_ADVICE,
  403: "Check that the policy has not expired (it must outlast the wait), that its signature was made with this application's secret, that its call list includes runWorkflow or read, and that it keeps its base64 = padding.",
  404: 'The job is unknown to this application, or its record has expired at Filestack.'
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isStatusResponse(value: unknown): value is StatusResponse {
  const record = value as StatusResponse | null
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.jobid === 'string' &&
    typeof record.status === 'string'
  )
}
