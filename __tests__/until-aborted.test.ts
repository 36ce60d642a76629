import { describe, expect, it } from '@jest/globals'
import { untilAborted } from '../src/until-aborted.js'

describe('untilAborted', () => {
  it('gives the work its result when it finishes first', async () => {
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7)
  })

  it('passes on a failure that comes before any abort', async () => {
    await expect(untilAborted(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow('boom')
  })

  it('returns undefined as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const never = new Promise<number>(() => {})
    const result = untilAborted(never, controller.signal)
    controller.abort('SIGTERM')
    await expect(result).resolves.toBeUndefined()
  })

  it('leaves no unhandled rejection when the work fails after the abort', async () => {
    const controller = new AbortController()
    controller.abort('SIGTERM')
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      let fail = (): void => {}
      const work = new Promise<void>((_, reject) => (fail = () => reject(new Error('late'))))
      await expect(untilAborted(work, controller.signal)).resolves.toBeUndefined()
      fail()
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
