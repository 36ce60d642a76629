import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import {
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
} from '../server/index.js'
import { errors, everythingShown, inputsFor, runAction, statusRequests, useServer } from './support/action.js'

const server = useServer()

const HANDLE = 'pR4oeS63QLmYIFNs2ZvZ'
const URL_SOURCE = 'https://assets.example.com/products/sneaker.png'
const ALIAS = 'src://brand-assets/products/sneaker.png'

describe('the built action, end to end', () => {
  it('runs a handle, a URL and a storage alias, waits, and reports', async () => {
    server().configure({ jobRules: [{ durationMs: 300 }] })
    const run = await runAction({ inputs: inputsFor(server(), { sources: [HANDLE, URL_SOURCE, ALIAS].join('\n') }) })

    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Finished')
    const ids = JSON.parse(run.outputs['job-ids']) as string[]
    expect(ids).toHaveLength(3)
    expect(run.outputs['job-id']).toBe(ids[0])
    const results = JSON.parse(run.outputs.results) as Record<string, Record<string, unknown>>
    expect(Object.keys(results)).toEqual([HANDLE, URL_SOURCE, ALIAS])
    expect(results[URL_SOURCE]).toHaveProperty('sfw_1548213592151', { data: { sfw: true } })

    const jobs = JSON.parse(run.outputs.jobs) as Array<Record<string, unknown>>
    expect(jobs.map((j) => j.source)).toEqual([HANDLE, URL_SOURCE, ALIAS])
    expect(jobs.map((j) => j.jobid)).toEqual(ids)
    expect(jobs.every((j) => j.status === 'Finished')).toBe(true)

    const file = run.outputs['results-file']
    expect(file.startsWith(run.runnerTemp)).toBe(true)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(jobs)
    expect(run.summary).toContain('<table>')
    for (const id of ids) expect(run.summary).toContain(id)
  })

  it('logs and sets the job IDs before it waits', async () => {
    server().configure({ jobRules: [{ durationMs: 400 }] })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    const started = run.stdout.indexOf('Started job')
    const changed = run.stdout.indexOf('→ Finished')
    expect(started).toBeGreaterThanOrEqual(0)
    expect(started).toBeLessThan(changed)
  })

  it('brings the documented sample results through unchanged', async () => {
    const run = await runAction({
      inputs: inputsFor(server(), { 'workflow-id': DEMO_WORKFLOWS.tags, sources: HANDLE })
    })
    const sample = JSON.parse(readFileSync('server/samples/status-finished-tags.json', 'utf8'))
    const results = JSON.parse(run.outputs.results) as Record<string, unknown>
    expect(results[HANDLE]).toEqual(sample.results)
    expect(run.summary).toContain('symbol')
    expect(run.summary.indexOf('symbol')).toBeLessThan(run.summary.indexOf('abstract'))
  })

  it('returns at once with the run status when not waiting', async () => {
    const run = await runAction({ inputs: inputsFor(server(), { sources: `${HANDLE}\n${URL_SOURCE}`, wait: 'false' }) })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Started')
    expect(JSON.parse(run.outputs['job-ids'])).toHaveLength(2)
    expect(statusRequests(server())).toBe(0)
  })

  it('fails the step naming the source and job of a failed job', async () => {
    server().configure({ jobRules: [{ match: 'bad.png', finalStatus: 'Failed', durationMs: 200 }] })
    const bad = 'https://assets.example.com/bad.png'
    const run = await runAction({ inputs: inputsFor(server(), { sources: `${HANDLE}\n${bad}` }) })

    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('Failed')
    const failedId = [...server().jobs.values()].find((j) => j.source === bad)!.jobid
    expect(errors(run).join('\n')).toContain(`Job ${failedId} for ${bad} ended with status Failed`)
    expect(JSON.parse(run.outputs.results)[HANDLE]).not.toBeNull()
  })

  it('polls an unknown status until the deadline, then names the job and its status', async () => {
    server().configure({ jobRules: [{ durationMs: 60_000, runningStatuses: ['Thinking'] }] })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE, timeout: '2s' }) })

    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('TimedOut')
    expect(run.stdout).toContain('Status "Thinking" is not a known final state')
    const jobId = run.outputs['job-id']
    expect(errors(run).join('\n')).toContain(`still running: ${HANDLE} (job ${jobId}, last status Thinking)`)
    expect(run.durationMs).toBeLessThan(6000)
  })

  it('never shows the secret, the policy or the signature', async () => {
    const run = await runAction({
      inputs: inputsFor(server(), { sources: `${HANDLE}\n${URL_SOURCE}`, timeout: '30s' }),
      env: { RUNNER_DEBUG: '1' }
    })
    expect(run.code).toBe(0)
    const shown = everythingShown(run)
    const security = server().requests[0].rawPath.match(/security=p:([^,]+),s:([^/]+)/)!
    expect(shown).toContain('security=[redacted]')
    for (const secret of [DEMO_APP_SECRET, security[1], security[2]]) {
      const masked = run.stdout.includes(`::add-mask::${secret}`)
      expect(masked).toBe(true)
      expect(shown.replaceAll(`::add-mask::${secret}`, '')).not.toContain(secret)
    }
  })

  it('writes no summary when summary is false', async () => {
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE, summary: 'false' }) })
    expect(run.code).toBe(0)
    expect(run.summary).toBe('')
    expect(existsSync(run.outputs['results-file'])).toBe(true)
  })
})
