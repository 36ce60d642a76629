import { describe, expect, it } from '@jest/globals'
import type { JobReport, JobState } from '../src/job.js'
import type { StartFailure } from '../src/start-jobs.js'
import { judge, type Outcome } from '../src/verdict.js'

const START = Date.UTC(2026, 10, 30, 9, 0, 0)

function job(
  n: number,
  status: string,
  state: JobState,
  fields: Partial<JobReport> = {}
): JobReport {
  const jobId = `job-${n}`
  return {
    source: `https://example.com/${n}.png`,
    jobId,
    status,
    state,
    response: { jobid: jobId, status },
    startedAt: START,
    ...fields
  }
}

const finished = (n: number): JobReport => job(n, 'Finished', 'finished', { endedAt: START + 5000 })
const failed = (n: number): JobReport => job(n, 'Failed', 'failed', { endedAt: START + 5000 })
const running = (n: number, status = 'Started'): JobReport => job(n, status, 'running')

function outcome(fields: Partial<Outcome>): Outcome {
  const defaults = { reports: [], failures: [], waited: true, cancelled: false, timeoutMs: 900_000 }
  return { ...defaults, ...fields }
}

const refused: StartFailure = {
  source: 'https://example.com/9.png',
  message: 'Filestack answered 400: bad source'
}

describe('judge', () => {
  it('says Finished, with no problems, when every job finished', () => {
    const verdict = judge(outcome({ reports: [finished(1), finished(2)] }))
    expect(verdict).toEqual({ status: 'Finished', problems: [] })
  })

  it('says Failed and names the job when one job failed', () => {
    const verdict = judge(outcome({ reports: [finished(1), failed(2)] }))
    expect(verdict).toEqual({
      status: 'Failed',
      problems: ['Job job-2 for https://example.com/2.png ended with status Failed']
    })
  })

  it('says Failed when a job could not be started', () => {
    const verdict = judge(outcome({ reports: [finished(1)], failures: [refused] }))
    expect(verdict).toEqual({
      status: 'Failed',
      problems: ['Could not start a job for https://example.com/9.png: Filestack answered 400: bad source']
    })
  })

  it('says Failed when a job could no longer be checked, and does not count it as running', () => {
    const lost = running(3)
    lost.error = 'workflow_status answered 403'
    const verdict = judge(outcome({ reports: [finished(1), lost] }))
    expect(verdict).toEqual({
      status: 'Failed',
      problems: ['Could not check job job-3 for https://example.com/3.png: workflow_status answered 403']
    })
  })

  it('says TimedOut and lists the jobs still running', () => {
    const reports = [finished(1), running(2, 'Processing')]
    const verdict = judge(outcome({ reports, timeoutMs: 90_000 }))
    expect(verdict).toEqual({
      status: 'TimedOut',
      problems: [
        'The timeout of 1 min 30 s passed with 1 job still running: https://example.com/2.png (job job-2, last status Processing)'
      ]
    })
  })

  it('counts several running jobs in the plural', () => {
    const verdict = judge(outcome({ reports: [running(1), running(2)] }))
    expect(verdict.status).toBe('TimedOut')
    expect(verdict.problems[0]).toMatch(/^The timeout of 15 min passed with 2 jobs still running: /)
    expect(verdict.problems[0]).toMatch(/\(job job-1, .*\); .*\(job job-2, /)
  })

  it('says Failed, not TimedOut, when one job failed and another timed out', () => {
    const verdict = judge(outcome({ reports: [failed(1), running(2)] }))
    expect(verdict.status).toBe('Failed')
    expect(verdict.problems).toHaveLength(2)
    expect(verdict.problems[0]).toMatch(/^Job job-1 .* ended with status Failed$/)
    expect(verdict.problems[1]).toMatch(/^The timeout of .* 1 job still running: .*job job-2/)
  })

  it('lists start failures before job problems', () => {
    const verdict = judge(outcome({ reports: [failed(1)], failures: [refused] }))
    expect(verdict.problems[0]).toMatch(/^Could not start/)
    expect(verdict.problems[1]).toMatch(/^Job job-1/)
  })

  it('says Cancelled and names the IDs of the jobs that keep running', () => {
    const reports = [finished(1), running(2), running(3, 'Pending')]
    const verdict = judge(outcome({ reports, cancelled: true }))
    expect(verdict).toEqual({
      status: 'Cancelled',
      problems: [
        'The run was cancelled; these jobs keep running at Filestack: https://example.com/2.png (job job-2, last status Started); https://example.com/3.png (job job-3, last status Pending)'
      ]
    })
  })

  it('says Cancelled plainly when no job was left running', () => {
    expect(judge(outcome({ reports: [finished(1)], cancelled: true }))).toEqual({
      status: 'Cancelled',
      problems: ['The run was cancelled.']
    })
  })

  it('says Cancelled even when a job also failed', () => {
    const verdict = judge(outcome({ reports: [failed(1)], cancelled: true }))
    expect(verdict.status).toBe('Cancelled')
    expect(verdict.problems).toEqual([
      'Job job-1 for https://example.com/1.png ended with status Failed',
      'The run was cancelled.'
    ])
  })

  it('says Cancelled when cancelled before waiting', () => {
    const verdict = judge(outcome({ reports: [running(1)], waited: false, cancelled: true }))
    expect(verdict.status).toBe('Cancelled')
    expect(verdict.problems[0]).toMatch(/job job-1/)
  })

  it('gives the status of the run calls when not waiting', () => {
    expect(judge(outcome({ reports: [running(1), running(2)], waited: false }))).toEqual({
      status: 'Started',
      problems: []
    })
  })

  it('gives the one status all run calls agree on when not waiting', () => {
    const verdict = judge(outcome({ reports: [running(1, 'Pending')], waited: false }))
    expect(verdict.status).toBe('Pending')
  })

  it('says Started when the run calls disagree and nothing failed', () => {
    const reports = [running(1, 'Pending'), running(2, 'Started')]
    const verdict = judge(outcome({ reports, waited: false }))
    expect(verdict.status).toBe('Started')
  })

  it('says Failed without waiting when a job could not be started', () => {
    const verdict = judge(outcome({ reports: [running(1)], failures: [refused], waited: false }))
    expect(verdict.status).toBe('Failed')
    expect(verdict.problems).toHaveLength(1)
  })

  it('names an uploaded file by its path rather than its handle', () => {
    const report = failed(1)
    report.source = 'AbCdEfGhIjKlMnOpQrSt'
    report.file = 'images/logo.png'
    expect(judge(outcome({ reports: [report] })).problems[0]).toBe(
      'Job job-1 for images/logo.png ended with status Failed'
    )
  })

  it('keeps a status from Filestack on one line and short', () => {
    const report = job(1, `Failed\n::error::forged ${'x'.repeat(200)}`, 'failed')
    const [problem] = judge(outcome({ reports: [report] })).problems
    expect(problem).not.toMatch(/\n/)
    expect(problem.length).toBeLessThan(160)
  })
})
