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

const STATUS_FAULTS: Array<[string, FaultRule, RegExp]> = [
  ['408', quickFault('status', 'status', 408), /HTTP 408: 408 Request Timeout/],
  ['429', quickFault('status', 'status', 429), /HTTP 429: 429 Too Many Requests/],
  ['500', quickFault('status', 'status', 500), /HTTP 500: 500 Internal Server Error/],
  ['502', quickFault('status', 'status', 502), /HTTP 502: 502 Bad Gateway/],
  ['503', quickFault('status', 'status', 503), /HTTP 503: 503 Service Unavailable/],
  ['504', quickFault('status', 'status', 504), /HTTP 504: 504 Gateway Timeout/],
  ['an HTML page with 200', quickFault('status', 'html', 200), /HTTP 200 \(an HTML error page\)/],
  ['an HTML page with 503', quickFault('status', 'html', 503), /HTTP 503 \(an HTML error page\)/],
  ['a connection reset', quickFault('status', 'reset'), /connection reset \(ECONNRESET\)/]
]

describe('a workflow_status call', () => {
  it.each(STATUS_FAULTS)(
    'is sent again after %s and the run succeeds',
    async (_, rule, reason) => {
      server().inject(rule)
      const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('Finished')
      expect(count(server(), 'run')).toBe(1)
      expect(count(server(), 'status')).toBe(2)
      const lines = retryLines(run)
      expect(lines).toEqual([expect.stringMatching(/^workflow_status for job [\w-]+ failed with .*; attempt 2 of 5 in \d+ m?s$/)])
      expect(lines[0]).toMatch(reason)
      expect(lines[0]).toContain(run.outputs['job-id'])
      expectCompleteResultsFile(run, server())
      expectNoSecretShown(run, secretsOf(server()))
    }
  )

  it('is sent again when the connection is refused, once the server listens', async () => {
    const gate = await Gate.before(server(), true)
    try {
      const run = await runAction({
        inputs: inputsFor(server(), { sources: HANDLE, 'base-url': gate.url(), 'poll-interval': '0.5s' }),
        signal: onOutput((log) => {
          if (log.includes('(ECONNREFUSED); attempt 2 of 5')) void gate.open()
          else if (log.includes('Started job')) void gate.close()
        })
      })

      expect(run.code).toBe(0)
      expect(retryLines(run)).toEqual([expect.stringMatching(/^workflow_status for job .* failed with connection refused \(ECONNREFUSED\); attempt 2 of 5 in \d+ ms$/)])
      expect(count(server(), 'run')).toBe(1)
      expect(count(server(), 'status')).toBe(1)
      expectCompleteResultsFile(run, server())
      expectNoSecretShown(run, secretsOf(server()))
    } finally {
      await gate.close()
    }
  })

  it('is sent again when the host name lookup for a new connection fails', async () => {
    const gate = await Gate.before(server(), true)
    try {
      const run = await runAction({
        inputs: inputsFor(server(), { sources: HANDLE, 'base-url': gate.url('localhost'), 'poll-interval': '0.5s' }),
        env: dnsFailures([2], 'ENOTFOUND'),
        signal: onOutput((log) => {
          if (log.includes('Started job')) gate.drop()
        })
      })

      expect(run.code).toBe(0)
      expect(retryLines(run)).toEqual([expect.stringMatching(/^workflow_status for job .* failed with host name not found \(ENOTFOUND\); attempt 2 of 5 in \d+ ms$/)])
      expect(count(server(), 'run')).toBe(1)
      expect(count(server(), 'status')).toBe(1)
      expectCompleteResultsFile(run, server())
      expectNoSecretShown(run, secretsOf(server()))
    } finally {
      await gate.close()
    }
  })

  it('backs off exponentially with jitter when the server asks for no delay', async () => {
    server().inject({ call: 'status', kind: 'reset', times: 2 })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(0)
    const waits = retryLines(run).map((line) => {
      const [, amount, unit] = /in ([\d.]+) (ms|s)$/.exec(line)!
      return Number(amount) * (unit === 's' ? 1000 : 1)
    })
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeGreaterThanOrEqual(500)
    expect(waits[0]).toBeLessThanOrEqual(1000)
    expect(waits[1]).toBeGreaterThanOrEqual(1000)
    expect(waits[1]).toBeLessThanOrEqual(2000)
    expect(count(server(), 'status')).toBe(3)
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('honours Retry-After before sending again', async () => {
    server().inject({ call: 'status', kind: 'status', statusCode: 503, headers: { 'Retry-After': '2' } })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(0)
    expect(retryLines(run)).toEqual([expect.stringMatching(/HTTP 503: .*; attempt 2 of 5 in 2\.0 s$/)])
    const [first, second] = server().requests.filter((r) => r.call === 'status')
    expect(second.at - first.at).toBeGreaterThanOrEqual(1990)
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('gives up after 5 attempts and keeps the last failure for the one error', async () => {
    server().inject({ ...quickFault('status', 'status', 503), times: 4, body: 'busy' })
    server().inject({ ...quickFault('status', 'status', 502), body: 'upstream unreachable' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'status')).toBe(5)
    expect(retryLines(run)).toHaveLength(4)
    const jobId = run.outputs['job-id']
    expect(theError(run)).toBe(
      `Could not check job ${jobId} for ${HANDLE}: workflow_status for job ${jobId} failed after 5 attempts: HTTP 502: upstream unreachable. Filestack kept failing; check its status page and re-run the step later.`
    )
    expect(run.outputs.status).toBe('Failed')
    const [record] = expectCompleteResultsFile(run, server())
    expect(record.error).toContain('failed after 5 attempts')
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('does not wait past the deadline for a retry', async () => {
    server().inject({ call: 'status', kind: 'status', statusCode: 503, headers: { 'Retry-After': '10' } })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE, timeout: '3s' }) })

    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(3000)
    expect(count(server(), 'status')).toBe(1)
    expect(theError(run)).toMatch(/failed after 1 attempt: HTTP 503: 503 Service Unavailable\. The next attempt, in 10\.0 s, would pass the run's deadline; re-run the step later or raise timeout\.$/)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

})
