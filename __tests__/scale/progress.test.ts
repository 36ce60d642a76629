import { describe, expect, it } from '@jest/globals'
import { inputsFor, logLines, rulesFor, runAction, urls, useServer, watchLines } from './support.js'

const server = useServer()

const PROGRESS = /^Waiting [\d.]+ (ms|s): \d+ finished, \d+ failed, \d+ running of \d+$/

describe('the progress line', () => {
  it('is logged at most once per 5 s, however many jobs change status', async () => {
    const sources = urls(30, 'progress')
    const failing = sources.slice(0, 3)
    server().configure({
      jobRules: [
        ...failing.map((source) => ({ match: source, durationMs: 300, finalStatus: 'Failed' })),
        ...rulesFor(sources, (i) => 300 + i * 200)
      ]
    })
    const lines = watchLines()
    const run = await runAction({
      inputs: inputsFor(server(), { sources: sources.join('\n') }),
      signal: lines.signal
    })

    expect(run.code).toBe(1)
    const log = logLines(run.stdout)
    const progress = log.filter((line) => PROGRESS.test(line))
    expect(run.durationMs).toBeGreaterThan(6000)
    expect(run.durationMs).toBeLessThan(10_000)
    expect(progress).toHaveLength(1)
    const [, finished, failed, running] = /(\d+) finished, (\d+) failed, (\d+) running/.exec(progress[0])!.map(Number)
    expect(progress[0]).toMatch(/^Waiting 5\.0 s: /)
    expect(failed).toBe(3)
    expect(running).toBeGreaterThan(0)
    expect(finished + failed + running).toBe(30)
    expect(lines.when(PROGRESS)).toBeGreaterThanOrEqual(5000)
    // One line per status change: Started → Processing → Finished (or Failed) for each job.
    expect(log.filter((line) => line.includes(' → '))).toHaveLength(60)
    expect(log.filter((line) => line.startsWith('Started job'))).toHaveLength(30)
  })

  it('is not logged in a run shorter than 5 s', async () => {
    const sources = urls(20, 'quick')
    server().configure({ jobRules: rulesFor(sources, (i) => 100 + i * 50) })
    const run = await runAction({ inputs: inputsFor(server(), { sources: sources.join('\n') }) })

    expect(run.code).toBe(0)
    expect(logLines(run.stdout).filter((line) => line.startsWith('Waiting '))).toEqual([])
  })
})
