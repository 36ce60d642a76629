import { describe, expect, it } from '@jest/globals'
import { Limiter } from '../src/limiter.js'

interface Deferred {
  promise: Promise<string>
  resolve: (value: string) => void
  reject: (error: Error) => void
}

function deferred(): Deferred {
  let resolve!: (value: string) => void
  let reject!: (error: Error) => void
  const promise = new Promise<string>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets every promise callback that is ready run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Tasks that wait for a hand-resolved promise and record when they start. */
function tasks(limiter: Limiter, count: number) {
  const gates = Array.from({ length: count }, deferred)
  const started: number[] = []
  let inFlight = 0
  let most = 0
  const results = gates.map((gate, i) =>
    limiter.run(async () => {
      started.push(i)
      inFlight++
      most = Math.max(most, inFlight)
      try {
        return await gate.promise
      } finally {
        inFlight--
      }
    })
  )
  return { gates, started, results, most: () => most }
}

describe('Limiter', () => {
  it('runs at most N tasks at once', async () => {
    const limiter = new Limiter(2)
    const { gates, started, results, most } = tasks(limiter, 5)
    await settle()
    expect(started).toEqual([0, 1])
    expect(limiter.inFlight).toBe(2)

    gates[1].resolve('b')
    await settle()
    expect(started).toEqual([0, 1, 2])
    expect(limiter.inFlight).toBe(2)

    gates.forEach((gate, i) => gate.resolve(String(i)))
    await expect(Promise.all(results)).resolves.toEqual(['0', 'b', '2', '3', '4'])
    expect(most()).toBe(2)
    expect(limiter.inFlight).toBe(0)
  })

  it('starts waiting tasks in the order they arrived', async () => {
    const limiter = new Limiter(1)
    const { gates, started, results } = tasks(limiter, 4)
    for (let i = 0; i < 4; i++) {
      await settle()
      expect(started).toEqual([...Array(i + 1).keys()])
      gates[i].resolve(String(i))
    }
    await Promise.all(results)
  })

  it('keeps arrival order when tasks finish out of order', async () => {
    const limiter = new Limiter(2)
    const { gates, started, results } = tasks(limiter, 5)
    await settle()
    gates[1].resolve('1')
    await settle()
    gates[0].resolve('0')
    await settle()
    expect(started).toEqual([0, 1, 2, 3])
    gates.forEach((gate) => gate.resolve('x'))
    await Promise.all(results)
    expect(started).toEqual([0, 1, 2, 3, 4])
  })

  it('passes on a task\'s rejection and frees its slot', async () => {
    const limiter = new Limiter(1)
    const { gates, started, results } = tasks(limiter, 2)
    await settle()
    gates[0].reject(new Error('boom'))
    await expect(results[0]).rejects.toThrow('boom')
    await settle()
    expect(started).toEqual([0, 1])
    gates[1].resolve('ok')
    await expect(results[1]).resolves.toBe('ok')
    expect(limiter.inFlight).toBe(0)
  })

  it('frees the slot of a task that throws before returning a promise', async () => {
    const limiter = new Limiter(1)
    const failing = limiter.run((): Promise<string> => {
      throw new Error('sync')
    })
    const next = limiter.run(async () => 'next')
    await expect(failing).rejects.toThrow('sync')
    await expect(next).resolves.toBe('next')
    expect(limiter.inFlight).toBe(0)
  })

  it('never exceeds its limit under many tasks', async () => {
    const limiter = new Limiter(3)
    const { gates, results, most } = tasks(limiter, 30)
    for (const gate of gates) {
      await settle()
      expect(limiter.inFlight).toBeLessThanOrEqual(3)
      gate.resolve('done')
    }
    await Promise.all(results)
    expect(most()).toBe(3)
    expect(limiter.inFlight).toBe(0)
  })
})
