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

  it('fails a workflow_status call at the run timeout when no time is left to send it again', async () => {
    server().inject({ call: 'status', kind: 'stall' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE, timeout: '2s' }) })

    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(5000)
    expect(count(server(), 'status')).toBe(1)
    expect(theError(run)).toMatch(/workflow_status for job [\w-]+ failed after 1 attempt: request timed out \(ETIMEDOUT\)/)
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
    expect(retryLines(run)).toEqual([expect.stringMatching(/failed with request timed out \(ETIMEDOUT\); attempt 2 of 5 in \d+ ms$/)])
    expect(count(server(), 'status')).toBe(2)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  }, 50_000)
})
