import { describe, expect, it } from '@jest/globals'
import { inputsFor, rulesFor, runAction, urls, useServer } from './support.js'

const server = useServer()

/** Holds every request back this long, so that requests overlap at the server. */
function slowServer(delayMs: number, sources: string[]): void {
  server().configure({
    jobRules: rulesFor(sources, () => 0),
    faults: [{ call: 'any', kind: 'stall', delayMs, times: 10_000 }]
  })
}

describe('requests in flight', () => {
  it('never has more requests in flight than concurrency, and uses all of it', async () => {
    const sources = urls(40)
    slowServer(100, sources)
    const run = await runAction({ inputs: inputsFor(server(), { sources: sources.join('\n'), concurrency: '3' }) })

    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Finished')
    expect(server().requests.filter((r) => r.call === 'run')).toHaveLength(40)
    expect(server().requests.filter((r) => r.call === 'status')).toHaveLength(40)
    expect(server().maxInFlight).toBe(3)
    expect(server().inFlight).toBe(0)
  })

  it('counts retried requests against the same bound', async () => {
    const sources = urls(12)
    server().configure({
      jobRules: rulesFor(sources, () => 0),
      faults: [
        { call: 'status', kind: 'status', statusCode: 503, delayMs: 100, times: 8 },
        { call: 'any', kind: 'stall', delayMs: 100, times: 10_000 }
      ]
    })
    const run = await runAction({ inputs: inputsFor(server(), { sources: sources.join('\n'), concurrency: '3' }) })

    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Finished')
    expect(run.stdout.match(/failed with HTTP 503.*; attempt 2 of 5/g)).toHaveLength(8)
    expect(server().requests.filter((r) => r.call === 'status')).toHaveLength(20)
    expect(server().maxInFlight).toBe(3)
  })

  it('keeps the default of 10 requests in flight', async () => {
    const sources = urls(30)
    slowServer(100, sources)
    const run = await runAction({ inputs: inputsFor(server(), { sources: sources.join('\n') }) })

    expect(run.code).toBe(0)
    expect(server().maxInFlight).toBe(10)
  })
})
