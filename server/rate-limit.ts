import type { RateLimit } from './types.js'

export interface RateDecision {
  headers: Record<string, string>
  limited: boolean
}

/** Counts requests in fixed windows that start when the limit is set. */
export class RateLimiter {
  private config?: RateLimit
  private windowStart = 0
  private count = 0

  constructor(config?: RateLimit) {
    this.configure(config)
  }

  configure(config?: RateLimit): void {
    this.config = config
    this.windowStart = Date.now()
    this.count = 0
  }

  /** Counts one request and says whether it is past the limit. */
  take(now: number): RateDecision {
    this.roll(now)
    if (this.config) this.count += 1
    return this.peek(now)
  }

  /** The headers for `now`, without counting a request. */
  peek(now: number): RateDecision {
    if (!this.config) return { headers: {}, limited: false }
    this.roll(now)
    const { limit } = this.config
    const reset = Math.ceil((this.windowStart + this.windowMs()) / 1000)
    const headers = {
      'Filestack-Limit': String(limit),
      'Filestack-Remaining': String(Math.max(0, limit - this.count)),
      'Filestack-Reset': String(reset)
    }
    return { headers, limited: this.count > limit }
  }

  private windowMs(): number {
    return Math.max(1, this.config?.windowMs ?? 1)
  }

  private roll(now: number): void {
    const size = this.windowMs()
    if (now < this.windowStart + size) return
    this.windowStart += Math.floor((now - this.windowStart) / size) * size
    this.count = 0
  }
}
