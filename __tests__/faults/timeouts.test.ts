import { describe, expect, it } from '@jest/globals'
import {
  HANDLE,
  count,
  expectCompleteResultsFile,
  expectNoSecretShown,
  inputsFor,
  retryLines,
  runAction,
  secretsOf,
  theError,
  useServer
} from '../support/faults.js'

const server = useServer()

/**
 * Every request has its own timeout: 30 s, or the run timeout when that
 * is shorter. A run_workflow call that times out may have started a job.
 */
describe('a request that gets no answer', () => {
  it('fails a run_workflow call at the run timeout without sending it again', async () => {
    server().inject({ call: 'run', kind: 'stall' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE, timeout: '2s' }) })

    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(5000)
    expect(count(server(), 'run')).toBe(1)
    expect(theError(run)).toMatch(/failed with request timed out \(ETIMEDOUT\)\. Filestack may have started a job anyway/)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('reports a job whose status check stalls past the run timeout as still running', async () => {
    server().inject({ call: 'status', kind: 'stall' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE, timeout: '2s' }) })

    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(5000)
    expect(count(server(), 'status')).toBe(1)
    expect(run.outputs.status).toBe('TimedOut')
    expect(theError(run)).toMatch(/The timeout of 2\.0 s passed with 1 job still running: pR4oeS63QLmYIFNs2ZvZ \(job [\w-]+, last status Started\)/)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  // Slow by nature: a request's own timeout is 30 s, and only a run
  // timeout above it leaves time to send the request again.
  it('sends a workflow_status call again after its own 30-second timeout', async () => {
    server().inject({ call: 'status', kind: 'stall' })
    const run = await runAction({
      inputs: inputsFor(server(), { sources: HANDLE, timeout: '45s' }),
      killAfterMs: 45_000
    })

    expect(run.code).toBe(0)
    expect(run.durationMs).toBeGreaterThanOrEqual(30_000)
    expect(run.durationMs).toBeLessThan(35_000)
    expect(retryLines(run)).toEqual([expect.stringMatching(/failed with request timed out \(ETIMEDOUT\); attempt 2 of 5 in (\d+ ms|1\.0 s)$/)])
    expect(count(server(), 'status')).toBe(2)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  }, 50_000)
})

describe('the run timeout', () => {
  it('sends no run call after it has passed', async () => {
    const sources = Array.from({ length: 20 }, (_, i) => `https://assets.example.com/late-${i + 1}.png`)
    server().inject({ call: 'run', kind: 'stall', delayMs: 500, times: 20 })
    const run = await runAction({
      inputs: inputsFor(server(), { sources: sources.join('\n'), concurrency: '1', timeout: '3s' })
    })

    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(6000)
    const last = Math.max(...server().requests.filter((r) => r.call === 'run').map((r) => r.at))
    expect(last - server().requests[0].at).toBeLessThan(3000)
    expect(run.stdout).toContain('not sent, since the timeout passed before its turn came')
  })
})
