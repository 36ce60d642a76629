import { describe, expect, it } from '@jest/globals'
import type { FaultRule } from '../../server/index.js'
import {
  HANDLE,
  count,
  dnsFailures,
  expectCompleteResultsFile,
  expectNoSecretShown,
  Gate,
  inputsFor,
  onOutput,
  quickFault,
  retryLines,
  runAction,
  secretsOf,
  theError,
  useServer
} from '../support/faults.js'

const server = useServer()

const NO_JOB_STARTED: Array<[string, FaultRule, RegExp]> = [
  ['408', quickFault('run', 'status', 408), /HTTP 408: 408 Request Timeout/],
  ['429', quickFault('run', 'status', 429), /HTTP 429: 429 Too Many Requests/],
  ['503', quickFault('run', 'status', 503), /HTTP 503: 503 Service Unavailable/]
]

const JOB_MAY_HAVE_STARTED: Array<[string, FaultRule, RegExp]> = [
  ['a connection reset before the answer', quickFault('run', 'reset'), /connection reset \(ECONNRESET\)/],
  ['a connection reset after the job started', quickFault('run', 'start-then-reset'), /connection reset \(ECONNRESET\)/],
  ['500', quickFault('run', 'status', 500), /HTTP 500: 500 Internal Server Error/],
  ['502', quickFault('run', 'status', 502), /HTTP 502: 502 Bad Gateway/],
  ['504', quickFault('run', 'status', 504), /HTTP 504: 504 Gateway Timeout/],
  ['an HTML page with 200', quickFault('run', 'html', 200), /HTTP 200 \(an HTML error page\)/],
  ['an HTML page with 502', quickFault('run', 'html', 502), /HTTP 502 \(an HTML error page\)/]
]

describe('a run_workflow call that no job can have answered', () => {
  it.each(NO_JOB_STARTED)('is sent again after %s and the run succeeds', async (_, rule, reason) => {
    server().inject(rule)
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Finished')
    expect(count(server(), 'run')).toBe(2)
    expect(count(server(), 'status')).toBe(1)
    expect(retryLines(run)).toEqual([expect.stringMatching(/^run_workflow for pR4oeS63QLmYIFNs2ZvZ failed with .*; attempt 2 of 5 in 0 ms$/)])
    expect(retryLines(run)[0]).toMatch(reason)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('is sent again when the connection is refused, once the server listens', async () => {
    const gate = await Gate.before(server(), false)
    try {
      const run = await runAction({
        inputs: inputsFor(server(), { sources: HANDLE, 'base-url': gate.url() }),
        signal: onOutput((log) => {
          if (log.includes('(ECONNREFUSED); attempt 2 of 5')) void gate.open()
        })
      })

      expect(run.code).toBe(0)
      expect(retryLines(run)).toEqual([expect.stringMatching(/^run_workflow for .* failed with connection refused \(ECONNREFUSED\); attempt 2 of 5 in \d+ ms$/)])
      expect(count(server(), 'run')).toBe(1)
      expect(count(server(), 'status')).toBe(1)
      expectCompleteResultsFile(run, server())
      expectNoSecretShown(run, secretsOf(server()))
    } finally {
      await gate.close()
    }
  })

  it.each(['ENOTFOUND', 'EAI_AGAIN'] as const)('is sent again when the host name lookup fails (%s)', async (code) => {
    const run = await runAction({
      inputs: inputsFor(server(), { sources: HANDLE, 'base-url': server().url.replace('127.0.0.1', 'localhost') }),
      env: dnsFailures([1], code)
    })

    expect(run.code).toBe(0)
    expect(retryLines(run)).toEqual([expect.stringMatching(new RegExp(`^run_workflow for .* failed with host name .*\\(${code}\\); attempt 2 of 5 in \\d+ ms$`))])
    expect(count(server(), 'run')).toBe(1)
    expect(count(server(), 'status')).toBe(1)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('honours Filestack-Reset on a 429 before sending again', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 2
    server().inject({ call: 'run', kind: 'status', statusCode: 429, headers: { 'Filestack-Reset': String(reset) } })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(0)
    const [first, second] = server().requests.filter((r) => r.call === 'run')
    expect(second.at).toBeGreaterThanOrEqual(reset * 1000 - 50)
    expect(second.at - first.at).toBeGreaterThan(1000)
    expect(retryLines(run)).toEqual([expect.stringMatching(/HTTP 429: .*; attempt 2 of 5 in [12]\.\d s$/)])
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('gives up after 5 attempts with the last failure in one error', async () => {
    server().inject({ ...quickFault('run', 'status', 429), times: 4, body: 'slow down' })
    server().inject({ ...quickFault('run', 'status', 503), body: 'maintenance until 10:00' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(5)
    expect(count(server(), 'status')).toBe(0)
    expect(retryLines(run)).toHaveLength(4)
    expect(retryLines(run).map((line) => /attempt (\d) of 5/.exec(line)![1])).toEqual(['2', '3', '4', '5'])
    expect(theError(run)).toBe(
      `Could not start a job for ${HANDLE}: run_workflow for ${HANDLE} failed after 5 attempts: HTTP 503: maintenance until 10:00. Filestack kept failing; check its status page and re-run the step later.`
    )
    expect(run.outputs.status).toBe('Failed')
    expect(run.outputs['job-ids']).toBe('[]')
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })
})

describe('a run_workflow call whose job may have started', () => {
  it.each(JOB_MAY_HAVE_STARTED)('is not sent again after %s, and the error says why', async (_, rule, reason) => {
    server().inject(rule)
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(count(server(), 'status')).toBe(0)
    expect(retryLines(run)).toEqual([])
    const error = theError(run)
    expect(error).toMatch(new RegExp(`^Could not start a job for ${HANDLE}: run_workflow for ${HANDLE} failed with `))
    expect(error).toMatch(reason)
    expect(error).toContain('Filestack may have started a job anyway, so it was not sent again')
    expect(error).toContain('Re-run the step if no job appears in the Filestack dashboard.')
    expect(run.outputs.status).toBe('Failed')
    expect(run.outputs['job-ids']).toBe('[]')
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })


  it('fails only its own source; the other jobs run to the end', async () => {
    server().configure({ jobRules: [{ durationMs: 200 }] })
    server().inject({ call: 'run', kind: 'status', statusCode: 502 })
    const other = 'https://assets.example.com/b.png'
    const run = await runAction({ inputs: inputsFor(server(), { sources: `${HANDLE}\n${other}`, concurrency: '1' }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(2)
    expect(run.outputs.status).toBe('Failed')
    expect(theError(run)).toMatch(/^Could not start a job for pR4oeS63QLmYIFNs2ZvZ: .*HTTP 502.*Filestack may have started a job anyway/)
    const [record] = expectCompleteResultsFile(run, server())
    expect(record).toMatchObject({ source: other, status: 'Finished' })
    expectNoSecretShown(run, secretsOf(server()))
  })
})
