import { FilestackError, RetriesExhaustedError } from './errors.js'
import { formatDuration } from './duration.js'
import { NetworkError, type HttpResponse } from './http.js'
import {
  isHtmlPage,
  isSafeToRepeat,
  isTransient,
  retryDelay,
  type Failure
} from './retry-policy.js'
import { plainText } from './plain-text.js'
import { redactSecrets } from './secrets.js'
import { sleep } from './sleep.js'

export interface RetryOptions {
  /** Names the request in log lines and errors, e.g. `run_workflow for x.png`. */
  label: string
  /** False for calls that must not be repeated after they may have done their work. */
  idempotent: boolean
  /**
   * For calls that are not idempotent: what may have happened when the
   * answer was lost, and why the call is not repeated.
   */
  unansweredEffect?: string
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** No retry is scheduled past this time (ms since the epoch). */
  deadline: number
  signal?: AbortSignal
  now?: () => number
  random?: () => number
  log: (line: string) => void
}

/**
 * Sends a request until it gets an answer worth acting on: a success, or
 * a failure that retrying will not fix (returned for the caller to
 * explain). Transient failures are retried with backoff inside the
 * deadline; the last one's message is kept for the final error.
 */
export async function sendWithRetries(
  send: () => Promise<HttpResponse>,
  options: RetryOptions
): Promise<HttpResponse> {
  const now = options.now ?? Date.now
  for (let attempt = 1; ; attempt++) {
    const failure = await attemptOnce(send)
    if (!(failure instanceof NetworkError) && !isTransient(failure)) return failure

    if (!isSafeToRepeat(failure, options.idempotent)) {
      throw new FilestackError(
        `${options.label} failed with ${describeFailure(failure)}. ${options.unansweredEffect ?? JOB_MAY_HAVE_STARTED}`,
        failure instanceof NetworkError ? undefined : failure.statusCode
      )
    }

    const wait = retryDelay(failure, attempt, now(), options.random)
    if (attempt >= options.maxAttempts || now() + wait > options.deadline) {
      const why = attempt >= options.maxAttempts
        ? 'Filestack kept failing; check its status page and re-run the step later'
        : `The next attempt, in ${formatDuration(wait)}, would pass the run's deadline; re-run the step later or raise timeout`
      throw new RetriesExhaustedError(
        `${options.label} failed after ${attempt} attempt${attempt > 1 ? 's' : ''}: ${describeFailure(failure)}. ${why}.`
      )
    }
    options.log(
      `${options.label} failed with ${describeFailure(failure)}; attempt ${attempt + 1} of ${options.maxAttempts} in ${formatDuration(wait)}`
    )
    await sleep(wait, options.signal)
  }
}

const JOB_MAY_HAVE_STARTED =
  'Filestack may have started a job anyway, so it was not sent again: a second job would be billed too. Re-run the step if no job appears in the Filestack dashboard.'

async function attemptOnce(send: () => Promise<HttpResponse>): Promise<Failure> {
  try {
    return await send()
  } catch (error) {
    if (error instanceof NetworkError) return error
    throw error
  }
}

/** A short account of a failure, safe to log (no URL, no secret, capped body). */
export function describeFailure(failure: Failure): string {
  if (failure instanceof NetworkError) return failure.message
  if (isHtmlPage(failure)) return `HTTP ${failure.statusCode} (an HTML error page)`
  const message = filestackMessage(failure.body)
  return message ? `HTTP ${failure.statusCode}: ${message}` : `HTTP ${failure.statusCode}`
}

/**
 * Filestack's own words: the `error` of a JSON body, or the plain text,
 * with any secret it quotes redacted before it is capped.
 */
export function filestackMessage(body: string): string {
  let text = body.trim()
  try {
    const parsed: unknown = JSON.parse(text)
    const error = (parsed as { error?: unknown })?.error
    if (typeof error === 'string') text = error
  } catch {
    // A plain-text body is the message itself.
  }
  return plainText(redactSecrets(text))
}
