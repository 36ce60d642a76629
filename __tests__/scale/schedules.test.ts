import { describe, expect, it } from '@jest/globals'
import { inputsFor, requestsFor, runAction, useServer, watchLines } from './support.js'

const server = useServer()

const FAST = 'https://assets.example.com/scale/fast.png'
const BAD = 'https://assets.example.com/scale/bad.png'
const STUCK = 'https://assets.example.com/scale/stuck.png'
const LONG = 'https://assets.example.com/scale/long.png'

/** Each check of the stuck job hangs this long, then fails with a 503. */
const HANG_MS = 1500

describe('each job on its own schedule', () => {
  it('reports a finished and a failed job at once, while another job\'s checks hang and fail', async () => {
    server().configure({
      jobRules: [
        { match: FAST, durationMs: 300 },
        { match: BAD, durationMs: 300, finalStatus: 'Failed' },
        { match: STUCK, durationMs: 300 },
        { match: LONG, durationMs: 2500 }
      ],
      faults: [{ call: 'status', match: STUCK, kind: 'status', statusCode: 503, delayMs: HANG_MS, times: 100 }]
    })
    const lines = watchLines()
    const run = await runAction({
      inputs: inputsFor(server(), { sources: [STUCK, FAST, BAD, LONG].join('\n'), timeout: '5s' }),
      signal: lines.signal
    })

    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('Failed')
    const stuckFailed = lines.when(/workflow_status for job .* failed with HTTP 503/)
    const fast = lines.when(`${FAST}: Processing → Finished`)
    const bad = lines.when(`${BAD}: Processing → Failed`)
    const long = lines.when(`${LONG}: Processing → Finished`)

    // The first answer to the stuck job comes after HANG_MS; the others do not wait for it.
    expect(stuckFailed).toBeGreaterThan(HANG_MS)
    expect(fast).toBeLessThan(stuckFailed)
    expect(bad).toBeLessThan(stuckFailed)
    expect(fast).toBeLessThan(1300)
    expect(bad).toBeLessThan(1300)
    // The long job is seen done on its own schedule (2.5 s plus at most a fifth), mid-retries.
    expect(long).toBeLessThan(3700)
    // The stuck job is given up on only after that: its retries run out of time just before the
    // deadline, or (on a slow machine) its last check is cut short by the deadline and it is
    // reported as still running.
    const givenUp = lines.when(new RegExp(`job \\S+ for ${STUCK}: `))
    if (Number.isNaN(givenUp)) expect(run.stdout).toMatch(new RegExp(`still running: ${STUCK.replace(/[.?]/g, '\\$&')} \\(job`))
    else expect(givenUp).toBeGreaterThan(long)

    // While a check of the stuck job hung at the server, the long job was still checked.
    const stuck = requestsFor(server(), STUCK)
    const longChecks = requestsFor(server(), LONG).map((r) => r.at)
    expect(stuck.length).toBeGreaterThanOrEqual(2)
    const hung = { from: stuck[0].at, to: stuck[0].at + HANG_MS }
    expect(longChecks.some((at) => at > hung.from && at < hung.to)).toBe(true)
    expect(run.stdout).toContain(`Job ${server().requests.find((r) => r.source === BAD)?.jobId} for ${BAD} ended with status Failed`)
  })
})

describe('following jobs while others are still starting', () => {
  it('sees a short job done while a slow run call for another source is still unanswered', async () => {
    const quick = 'https://assets.example.com/scale/quick.png'
    const slow = 'https://assets.example.com/scale/slow-to-start.png'
    server().configure({
      jobRules: [{ durationMs: 0 }],
      faults: [{ call: 'run', match: slow, kind: 'stall', delayMs: 3000 }]
    })
    const lines = watchLines()
    const run = await runAction({
      inputs: inputsFor(server(), { sources: `${slow}\n${quick}`, timeout: '20s' }),
      signal: lines.signal
    })

    expect(run.code).toBe(0)
    const quickDone = lines.when(`${quick}: Started → Finished`)
    const slowStarted = lines.when(`for ${slow}`)
    expect(quickDone).toBeLessThan(2500)
    expect(slowStarted).toBeGreaterThan(3000)
    expect(JSON.parse(run.outputs['job-ids'])).toHaveLength(2)
  })
})
