import { single } from './retry-policy.js'

type Headers = Record<string, string | string[] | undefined>

/** Below this share of the window's budget, requests are spread out. */
const LOW_SHARE = 0.2

/** The low mark when Filestack gives no Filestack-Limit. */
const LOW_COUNT = 10

/**
 * Reads Filestack's rate-limit headers from every answer and, when the
 * budget runs low, spreads the requests left evenly over the time until
 * the window resets, for all jobs at once; once the budget is spent,
 * requests wait for the reset.
 *
 * The budget is the lowest of what Filestack last said, less the requests
 * it may not have counted yet, and what is left of it after the requests
 * sent since, so requests still in flight count against it. Pacing never
 * reaches past the window's reset: a new window brings a new budget, and
 * the pacing starts afresh from its figures.
 */
export class RateLimit {
  private remaining?: number
  private limit?: number
  private resetAt?: number
  private nextSlot = 0

  /**
   * Reads an answer's headers. `unanswered` is how many other requests
   * were sent (or are about to be) that the answer may not count yet; the
   * budget left for new requests leaves them out.
   */
  observe(headers: Headers, unanswered = 0): void {
    const limit = toNumber(single(headers['filestack-limit']))
    const remaining = toNumber(single(headers['filestack-remaining']))
    const reset = toNumber(single(headers['filestack-reset']))
    if (remaining === undefined || reset === undefined) return

    const resetAt = reset * 1000
    const sameWindow = resetAt === this.resetAt && this.remaining !== undefined
    const left = Math.max(0, remaining - unanswered)
    this.limit = limit
    this.remaining = sameWindow ? Math.min(this.remaining!, left) : left
    if (!sameWindow) this.nextSlot = 0
    this.resetAt = resetAt
  }

  /** True when the budget of the current window is low. */
  isLow(now: number): boolean {
    if (!this.inWindow(now)) return false
    const low = this.limit ? this.limit * LOW_SHARE : LOW_COUNT
    return this.remaining! <= low
  }

  /**
   * How long the next request should wait, in milliseconds; 0 when the
   * budget is fine. Each call counts as one request sent.
   */
  delay(now: number): number {
    if (!this.inWindow(now)) return 0
    const resetAt = this.resetAt!
    if (!this.isLow(now)) {
      this.remaining! -= 1
      return 0
    }
    if (this.remaining! <= 0) return resetAt - now

    const slot = Math.max(now, this.nextSlot)
    if (slot >= resetAt) return resetAt - now
    this.nextSlot = slot + (resetAt - slot) / this.remaining!
    this.remaining! -= 1
    return slot - now
  }

  private inWindow(now: number): boolean {
    return this.remaining !== undefined && this.resetAt !== undefined && now < this.resetAt
  }
}

function toNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined
}
