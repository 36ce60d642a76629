import { describe, expect, it } from '@jest/globals'
import { RateLimit } from '../src/rate-limit.js'

/** Whole seconds, since Filestack-Reset is in Unix seconds. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)

function headers(
  limit: number | undefined,
  remaining: number,
  resetInMs: number
): Record<string, string> {
  const fields: Record<string, string> = {
    'filestack-remaining': String(remaining),
    'filestack-reset': String((NOW + resetInMs) / 1000)
  }
  if (limit !== undefined) fields['filestack-limit'] = String(limit)
  return fields
}

function observed(...answers: Array<Record<string, string | string[] | undefined>>): RateLimit {
  const rateLimit = new RateLimit()
  answers.forEach((answer) => rateLimit.observe(answer))
  return rateLimit
}

/** The delays of `count` requests asked for at the same moment. */
function delays(rateLimit: RateLimit, count: number, now = NOW): number[] {
  return Array.from({ length: count }, () => rateLimit.delay(now))
}

describe('RateLimit', () => {
  it('does not delay before any answer', () => {
    const rateLimit = new RateLimit()
    expect(rateLimit.isLow(NOW)).toBe(false)
    expect(delays(rateLimit, 5)).toEqual([0, 0, 0, 0, 0])
  })

  it('does not delay after answers without rate-limit headers', () => {
    expect(delays(observed({ 'content-type': 'application/json' }), 3)).toEqual([0, 0, 0])
  })

  it('does not delay while plenty of the budget remains', () => {
    const rateLimit = observed(headers(100, 50, 60_000))
    expect(rateLimit.isLow(NOW)).toBe(false)
    expect(delays(rateLimit, 5)).toEqual([0, 0, 0, 0, 0])
  })

  it('spreads requests over the time left when the budget runs low', () => {
    const rateLimit = observed(headers(100, 10, 10_000))
    expect(rateLimit.isLow(NOW)).toBe(true)
    expect(delays(rateLimit, 4)).toEqual([0, 1000, 2000, 3000])
  })

  it.each([
    { name: 'a fifth of the limit', limit: 100, remaining: 20, low: true },
    { name: 'just over a fifth of the limit', limit: 100, remaining: 21, low: false },
    { name: 'none left', limit: 100, remaining: 0, low: true },
    { name: '10 left with no limit header', limit: undefined, remaining: 10, low: true },
    { name: '11 left with no limit header', limit: undefined, remaining: 11, low: false }
  ])('counts $name as low: $low', ({ limit, remaining, low }) => {
    expect(observed(headers(limit, remaining, 30_000)).isLow(NOW)).toBe(low)
  })

  it('measures the spacing from when each request is asked for', () => {
    const rateLimit = observed(headers(100, 10, 10_000))
    expect(rateLimit.delay(NOW)).toBe(0)
    expect(rateLimit.delay(NOW + 400)).toBe(600)
  })

  it('holds every request until the reset when nothing remains', () => {
    expect(delays(observed(headers(100, 0, 5000)), 3)).toEqual([5000, 5000, 5000])
  })

  it('never holds a request past the moment the window resets', () => {
    const waits = delays(observed(headers(100, 2, 10_000)), 6)
    expect(waits).toEqual([0, 5000, 10_000, 10_000, 10_000, 10_000])
  })

  it('counts requests sent since the last answer against the budget', () => {
    const rateLimit = observed(headers(100, 21, 10_000))
    expect(delays(rateLimit, 3)).toEqual([0, 0, 500])
  })

  it('takes the lower of its own count and a later answer from the same window', () => {
    const rateLimit = observed(headers(100, 10, 10_000))
    expect(delays(rateLimit, 3)).toEqual([0, 1000, 2000])
    rateLimit.observe(headers(100, 9, 10_000))
    expect(delays(rateLimit, 2)).toEqual([3000, 4000])
  })

  it('starts the pacing afresh in a new window', () => {
    const rateLimit = observed(headers(100, 2, 10_000))
    delays(rateLimit, 4)
    rateLimit.observe(headers(100, 10, 20_000))
    expect(delays(rateLimit, 2, NOW + 10_000)).toEqual([0, 1000])
  })

  it('does not delay once the reset time has passed', () => {
    const rateLimit = observed(headers(100, 1, 10_000))
    expect(rateLimit.isLow(NOW + 10_000)).toBe(false)
    expect(delays(rateLimit, 3, NOW + 10_000)).toEqual([0, 0, 0])
    expect(rateLimit.delay(NOW + 60_000)).toBe(0)
  })

  it('stops spacing when a later answer shows the budget refilled', () => {
    const rateLimit = observed(headers(100, 5, 10_000))
    delays(rateLimit, 3)
    rateLimit.observe(headers(100, 100, 70_000))
    expect(delays(rateLimit, 3)).toEqual([0, 0, 0])
  })

  it.each([
    { name: 'only Filestack-Remaining', answer: { 'filestack-remaining': '1' } },
    { name: 'only Filestack-Reset', answer: { 'filestack-reset': String(NOW / 1000 + 10) } },
    {
      name: 'a remaining count that is not a number',
      answer: { 'filestack-remaining': 'few', 'filestack-reset': String(NOW / 1000 + 10) }
    },
    {
      name: 'a negative remaining count',
      answer: { 'filestack-remaining': '-1', 'filestack-reset': String(NOW / 1000 + 10) }
    },
    {
      name: 'a reset that is a date, not Unix seconds',
      answer: {
        'filestack-remaining': '1',
        'filestack-reset': new Date(NOW + 10_000).toUTCString()
      }
    }
  ])('ignores an answer with $name', ({ answer }) => {
    expect(delays(observed(answer), 3)).toEqual([0, 0, 0])
  })

  it('keeps what it knew when a later answer has no rate-limit headers', () => {
    const rateLimit = observed(headers(100, 10, 10_000), {})
    expect(delays(rateLimit, 2)).toEqual([0, 1000])
  })

  it('reads the first of repeated headers', () => {
    const rateLimit = observed({
      'filestack-limit': ['100', '1000'],
      'filestack-remaining': ['10', '900'],
      'filestack-reset': [String(NOW / 1000 + 10), '0']
    })
    expect(delays(rateLimit, 2)).toEqual([0, 1000])
  })
})
