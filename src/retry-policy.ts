import { NetworkError, type HttpResponse } from './http.js'

/** What went wrong with one attempt: no answer, or an unwanted answer. */
export type Failure = NetworkError | HttpResponse

/** Network failures after which the server cannot have seen the request. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/** Answers that mean the request was turned away before any work began. */
const REJECTED = new Set([408, 429, 503])

const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504])

/** True when the answer is an HTML page, as proxies and gateways send. */
export function isHtmlPage(response: HttpResponse): boolean {
  const type = String(response.headers['content-type'] ?? '')
  return /text\/html/i.test(type) || /^\s*<(!doctype|html)/i.test(response.body)
}

/** True when the same request may succeed if sent again. */
export function isTransient(failure: Failure): boolean {
  if (failure instanceof NetworkError) return true
  return TRANSIENT_STATUS.has(failure.statusCode) || isHtmlPage(failure)
}

/**
 * True when a failed request can be sent again without risk of doing its
 * work twice. A run_workflow call that was answered with a 500 or a reset
 * may already have started a job, and a second one would be billed again.
 */
export function isSafeToRepeat(failure: Failure, idempotent: boolean): boolean {
  if (!isTransient(failure)) return false
  if (idempotent) return true
  if (failure instanceof NetworkError) return NOT_SENT.has(failure.code)
  return REJECTED.has(failure.statusCode)
}

/** Backoff settings; every figure is in milliseconds. */
export interface BackoffOptions {
  /** The first pause, before jitter. */
  baseMs: number
  /** The longest computed pause. */
  maxMs: number
  /** The longest pause a server may ask for before it is capped. */
  maxServerMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 1000,
  maxMs: 30_000,
  maxServerMs: 300_000
}

/**
 * The pause before attempt `attempt + 1`. A delay the server asked for is
 * honoured (capped) as it is; a computed one grows exponentially and is
 * jittered over its upper half so that many clients do not retry in step.
 */
export function retryDelay(
  failure: Failure,
  attempt: number,
  now: number,
  random: () => number = Math.random,
  options: BackoffOptions = DEFAULT_BACKOFF
): number {
  const asked =
    failure instanceof NetworkError ? undefined : serverDelay(failure, now)
  if (asked !== undefined) return Math.min(asked, options.maxServerMs)

  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/**
 * The pause a response asks for: `Retry-After` (seconds or an HTTP date),
 * or on a 429 `Filestack-Reset` (Unix seconds when the rate-limit window
 * resets; other answers carry it too, but only a 429 means "wait for it").
 */
export function serverDelay(
  { statusCode, headers }: HttpResponse,
  now: number
): number | undefined {
  const retryAfter = single(headers['retry-after'])
  if (retryAfter !== undefined) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000
    // Every HTTP date form has a time of day; without this check V8's
    // lenient Date.parse reads values such as "1.5" as dates in 2001.
    const at = /\d\d:\d\d:\d\d/.test(retryAfter) ? Date.parse(retryAfter) : NaN
    if (!Number.isNaN(at)) return Math.max(0, at - now)
  }

  const reset = single(headers['filestack-reset'])
  if (statusCode === 429 && reset !== undefined && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - now)
  }
  return undefined
}

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value?.trim()
}
