import { single } from './retry-policy.js'

type Headers = Record<string, string | string[] | undefined>

/** Below this share of the window's budget, requests are spread out. */
const LOW_SHARE = 0.2

/**
 * Reads Filestack's rate-limit headers from every answer and, when the
 * budget runs low, spreads the requests left evenly over the time until
 * the window resets, for all jobs at once.
 */
export class RateLimit {
  private remaining?: number
  private limit?: number
  private resetAt?: number
  private nextSlot = 0

  observe(headers: Headers): void {
    const limit = toNumber(single(headers['filestack-limit']))
    const remaining = toNumber(single(headers['filestack-remaining']))
    const reset = toNumber(single(headers['filestack-reset']))
    if (remaining === undefined || reset === undefined) return

    this.limit = limit
    this.remaining = remaining
    this.resetAt = reset * 1000
  }

  /** True when the last answer said the budget is low. */
  isLow(now: number): boolean {
    if (this.remaining === undefined || this.resetAt === undefined) return false
    if (now >= this.resetAt) return false
    const low = this.limit ? this.limit * LOW_SHARE : 10
    return this.remaining <= low
  }

  /** How long the next request should wait, in milliseconds; 0 when the budget is fine. */
  delay(now: number): number {
    if (!this.isLow(now)) return 0
    const spacing = (this.resetAt! - now) / Math.max(1, this.remaining!)
    const slot = Math.max(now, this.nextSlot)
    this.nextSlot = slot + spacing
    return slot - now
  }
}

function toNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined
}
