import { describe, expect, it } from '@jest/globals'
import type { FilestackServer } from '../../server/index.js'
import { inputsFor, logLines, rulesFor, runAction, urls, useServer } from './support.js'

const server = useServer()

const LIMIT = 10
const WINDOW_MS = 1000
const sources = urls(8)

/** The requests in each of the server's rate-limit windows, counted from `windowStart`. */
function perWindow(of: FilestackServer, windowStart: number): number[] {
  const counts: number[] = []
  for (const request of of.requests) {
    const window = Math.floor((request.at - windowStart) / WINDOW_MS)
    counts[window] = (counts[window] ?? 0) + 1
  }
  return Array.from(counts, (count) => count ?? 0)
}

describe('a low rate-limit budget', () => {
  it('is more than the run would send without slowing down', async () => {
    server().configure({ jobRules: rulesFor(sources, () => 2000) })
    const run = await runAction({ inputs: inputsFor(server(), { sources: sources.join('\n') }) })

    expect(run.code).toBe(0)
    const first = server().requests[0].at
    const firstSecond = server().requests.filter((r) => r.at < first + WINDOW_MS)
    expect(firstSecond.length).toBeGreaterThan(2 * LIMIT)
  })

  it('spaces the requests out so that none is refused, and the run still succeeds', async () => {
    server().configure({ jobRules: rulesFor(sources, () => 2000) })
    const windowStart = Date.now()
    server().configure({ rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } })
    const run = await runAction({ inputs: inputsFor(server(), { sources: sources.join('\n') }) })

    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Finished')
    expect(JSON.parse(run.outputs.jobs).map((job: { status: string }) => job.status)).toEqual(sources.map(() => 'Finished'))
    expect(server().requests.filter((r) => r.statusCode === 429)).toEqual([])
    expect(logLines(run.stdout).filter((line) => /HTTP 429|rate limit/i.test(line))).toEqual([])

    const counts = perWindow(server(), windowStart)
    expect(Math.max(...counts)).toBeLessThanOrEqual(LIMIT)
    // Slowed down, not stopped: every job is seen done within a few windows of its end.
    expect(counts.length).toBeGreaterThanOrEqual(3)
    expect(run.durationMs).toBeLessThan(2000 + 3 * WINDOW_MS)
  })
})
