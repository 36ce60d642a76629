import { describe, expect, it } from '@jest/globals'
import type { ActionRun } from '../../scripts/run-action.js'
import {
  HANDLE,
  URL_SOURCE,
  count,
  expectCompleteResultsFile,
  expectNoSecretShown,
  inputsFor,
  runAction,
  secretsOf,
  theError,
  useServer
} from '../support/faults.js'

const server = useServer()

interface Cancelled {
  run: ActionRun
  /** From the signal to the end of the process, in milliseconds. */
  exitMs: number
}

/** Runs the action and sends `signal` once `ready` says the log has got far enough. */
async function cancel(
  signal: NodeJS.Signals,
  ready: (stdout: string) => boolean,
  extra: Record<string, string> = {}
): Promise<Cancelled> {
  let sentAt = 0
  const run = await runAction({
    inputs: inputsFor(server(), { sources: `${HANDLE}\n${URL_SOURCE}`, timeout: '5m', ...extra }),
    signal: {
      name: signal,
      when: (stdout) => {
        if (!ready(stdout)) return false
        sentAt = Date.now()
        return true
      }
    },
    killAfterMs: 20_000
  })
  expect(sentAt).toBeGreaterThan(0)
  return { run, exitMs: Date.now() - sentAt }
}

/** Both jobs started, and at least one status check made. */
const waiting = (stdout: string): boolean =>
  (stdout.match(/Started job/g) ?? []).length === 2 && stdout.includes('/workflow_status=')

function expectReportedAsStillRunning({ run, exitMs }: Cancelled): void {
  expect(run.code).toBe(1)
  expect(exitMs).toBeLessThan(5000)

  const ids = JSON.parse(run.outputs['job-ids']) as string[]
  expect(ids).toHaveLength(2)
  expect(run.outputs['job-id']).toBe(ids[0])
  expect(run.outputs.status).toBe('Cancelled')

  const sentence = 'The run was cancelled; these jobs keep running at Filestack: ' +
    `${HANDLE} (job ${ids[0]}, last status Started); ${URL_SOURCE} (job ${ids[1]}, last status Started)`
  expect(theError(run)).toBe(sentence)
  expect(run.summary).toContain('these jobs keep running at Filestack')
  for (const id of ids) expect(run.summary).toContain(`<code>${id}</code>`)
  expect(run.summary.match(/⏳/g)).toHaveLength(2)

  const records = expectCompleteResultsFile(run, server())
  expect(records.map((r) => r.status)).toEqual(['Started', 'Started'])
  expectNoSecretShown(run, secretsOf(server()))
}

describe('a cancelled run', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops waiting on %s, reports the jobs still running with their IDs, and exits within 5 s',
    async (signal) => {
      server().configure({ jobRules: [{ durationMs: 120_000 }] })
      const cancelled = await cancel(signal, waiting)

      expectReportedAsStillRunning(cancelled)
      const polls = count(server(), 'status')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(count(server(), 'status')).toBe(polls)
    }
  )

  it('stops in the middle of a retry wait', async () => {
    server().configure({ jobRules: [{ durationMs: 120_000 }] })
    server().inject({ call: 'status', kind: 'status', statusCode: 503, headers: { 'Retry-After': '30' } })
    const cancelled = await cancel('SIGTERM', (stdout) => stdout.includes('; attempt 2 of 5 in 30.0 s'))

    expectReportedAsStillRunning(cancelled)
  })

  it('stops while a status request hangs', async () => {
    server().configure({ jobRules: [{ durationMs: 120_000 }] })
    server().inject({ call: 'status', kind: 'stall' })
    const stalled = (): boolean => server().requests.some((r) => r.call === 'status' && r.statusCode === 0)
    const cancelled = await cancel('SIGINT', (stdout) => waiting(stdout) && stalled())

    expectReportedAsStillRunning(cancelled)
    expect(cancelled.run.durationMs).toBeLessThan(4000)
  })

  it('names a source whose run call had no answer yet as one that may have started a job', async () => {
    server().configure({ jobRules: [{ durationMs: 120_000 }] })
    server().inject({ call: 'run', kind: 'stall' })
    const { run, exitMs } = await cancel('SIGTERM', (stdout) => stdout.includes('Started job'))

    expect(exitMs).toBeLessThan(5000)
    expect(count(server(), 'run')).toBe(2)
    expect(run.outputs.status).toBe('Cancelled')
    const [started] = JSON.parse(run.outputs.jobs) as Array<{ jobid: string; source: string }>
    expect(JSON.parse(run.outputs['job-ids'])).toEqual([started.jobid])
    const unanswered = [HANDLE, URL_SOURCE].find((source) => source !== started.source)
    expect(theError(run)).toBe([
      `Could not start a job for ${unanswered}: the run was cancelled before run_workflow answered; Filestack may have started a job anyway, so check the Filestack dashboard`,
      `The run was cancelled; these jobs keep running at Filestack: ${started.source} (job ${started.jobid}, last status Started)`
    ].join('\n'))
    expect(run.summary).toContain(`<code>${started.jobid}</code>`)
    expect(run.summary).toContain(`Could not start a job for ${unanswered}`)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('reports the jobs that finished before the signal as finished', async () => {
    server().configure({ jobRules: [{ match: 'sneaker', durationMs: 120_000 }, { durationMs: 0 }] })
    const { run, exitMs } = await cancel('SIGTERM', (stdout) => stdout.includes('→ Finished'))

    expect(exitMs).toBeLessThan(5000)
    expect(run.outputs.status).toBe('Cancelled')
    const ids = JSON.parse(run.outputs['job-ids']) as string[]
    expect(theError(run)).toBe(
      `The run was cancelled; these jobs keep running at Filestack: ${URL_SOURCE} (job ${ids[1]}, last status Started)`
    )
    const results = JSON.parse(run.outputs.results) as Record<string, unknown>
    expect(results[HANDLE]).toEqual(expect.any(Object))
    expect(results[URL_SOURCE]).toBeNull()
    const records = expectCompleteResultsFile(run, server())
    expect(records.map((r) => r.status)).toEqual(['Finished', 'Started'])
  })
})
