import { describe, expect, it } from '@jest/globals'
import { nextPollDelay, type ScheduleOptions } from '../src/poll-schedule.js'

const DEFAULT: ScheduleOptions = { minMs: 1000, maxMs: 30_000 }

const zero = (): number => 0
const one = (): number => 1

/** A repeatable stand-in for Math.random (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

/**
 * The documented schedule, restated: each step is the interval plus a
 * fifth of the time so far, at least minMs and at most maxMs.
 */
function schedule(options: ScheduleOptions, untilMs: number): Array<{ at: number; step: number }> {
  const points: Array<{ at: number; step: number }> = []
  let at = 0
  while (at < untilMs) {
    const step = Math.max(options.minMs, Math.min(options.maxMs, options.minMs + at / 5))
    at += step
    points.push({ at, step })
  }
  return points
}

/** The times of the checks of one job that has not finished by untilMs, from its start. */
function checks(options: ScheduleOptions, random: () => number, untilMs: number): number[] {
  const times: number[] = []
  let elapsed = 0
  while (elapsed < untilMs) {
    elapsed += nextPollDelay(elapsed, options, random)
    times.push(elapsed)
  }
  return times
}

describe('nextPollDelay', () => {
  it('checks first after minMs', () => {
    expect(nextPollDelay(0, DEFAULT, zero)).toBe(1000)
  })

  it('checks a job at about 1, 2.2, 3.64 … s from its start', () => {
    const expected = [1000, 2200, 3640, 5368, 7441.6, 9929.92, 12915.904, 16499.08, 20798.9]
    const times = checks(DEFAULT, zero, 20_000)
    expect(times).toHaveLength(expected.length)
    times.forEach((time, i) => {
      expect(time).toBeGreaterThanOrEqual(expected[i] - 0.1)
      expect(time).toBeLessThan(expected[i] + 1)
    })
  })

  it('sees a 20 s job done within 1.5 s, in at most 10 checks', () => {
    const times = checks(DEFAULT, zero, 20_000)
    expect(times.length).toBeLessThanOrEqual(10)
    expect(times[times.length - 1] - 20_000).toBeLessThanOrEqual(1500)
  })

  it('never lands a check before its scheduled time, even by rounding', () => {
    for (const random of [zero, one, seeded(1), seeded(7)]) {
      const times = checks(DEFAULT, random, 600_000)
      const points = schedule(DEFAULT, 600_000)
      times.forEach((time, i) => {
        expect(time).toBeGreaterThanOrEqual(points[i].at)
      })
    }
  })

  it('checks exactly once per scheduled time', () => {
    const points = schedule(DEFAULT, 600_000)
    expect(checks(DEFAULT, zero, 600_000)).toHaveLength(points.length)
    expect(checks(DEFAULT, one, 600_000)).toHaveLength(points.length)
  })

  it.each<{ name: string; options: ScheduleOptions }>([
    { name: 'the default interval', options: DEFAULT },
    { name: 'the shortest interval', options: { minMs: 100, maxMs: 30_000 } },
    { name: 'a 5 s interval', options: { minMs: 5000, maxMs: 30_000 } },
    { name: 'an interval equal to the cap', options: { minMs: 30_000, maxMs: 30_000 } },
    { name: 'a 10 minute interval', options: { minMs: 600_000, maxMs: 600_000 } }
  ])('with $name, jitter keeps each check within a twentieth of its step late', ({ options }) => {
    const until = Math.max(600_000, options.minMs * 20)
    for (const random of [zero, one, seeded(3), seeded(11)]) {
      const points = schedule(options, until)
      const times = checks(options, random, until)
      expect(times).toHaveLength(points.length)
      times.forEach((time, i) => {
        const { at, step } = points[i]
        expect(time).toBeGreaterThanOrEqual(at)
        // One extra millisecond for rounding up to whole milliseconds.
        expect(time).toBeLessThanOrEqual(at + step * 0.05 + 1)
      })
    }
  })

  it('does not let jitter drift later and later', () => {
    const times = checks(DEFAULT, one, 3_600_000)
    const points = schedule(DEFAULT, 3_600_000)
    const last = times.length - 1
    expect(times[last] - points[last].at).toBeLessThanOrEqual(1501)
  })

  it('checks a long-running job every maxMs', () => {
    const times = checks(DEFAULT, zero, 1_200_000)
    const gaps = times.slice(-10).map((time, i, all) => (i ? time - all[i - 1] : 30_000))
    expect(gaps).toEqual(Array(10).fill(30_000))
  })

  it('never waits less than minMs or more than 1.05 × maxMs, from any moment', () => {
    for (let elapsed = 0; elapsed < 400_000; elapsed += 137) {
      for (const random of [0, 0.5, 1]) {
        const delay = nextPollDelay(elapsed, DEFAULT, () => random)
        expect(delay).toBeGreaterThanOrEqual(DEFAULT.minMs)
        expect(delay).toBeLessThanOrEqual(DEFAULT.maxMs * 1.05 + 1)
      }
    }
  })

  it('waits minMs when a check comes just before a scheduled time', () => {
    expect(nextPollDelay(2199, DEFAULT, zero)).toBe(1000)
  })

  it('takes the next step when a check comes exactly on its scheduled time', () => {
    expect(nextPollDelay(2200, DEFAULT, zero)).toBe(1440)
  })

  it('answers quickly for a job that has run for a day', () => {
    expect(nextPollDelay(24 * 3600 * 1000, DEFAULT, zero)).toBeLessThanOrEqual(30_000)
  })
})
