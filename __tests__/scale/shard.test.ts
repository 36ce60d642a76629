import { describe, expect, it } from '@jest/globals'
import { inputsFor, runAction, runSources, urls, useServer } from './support.js'

const server = useServer()

const sources = urls(7, 'shard')

describe('shard', () => {
  it('2/3 over 7 sources starts exactly sources 2 and 5, in that order', async () => {
    const run = await runAction({
      inputs: inputsFor(server(), { sources: sources.join('\n'), shard: '2/3', concurrency: '1' })
    })

    expect(run.code).toBe(0)
    expect(runSources(server())).toEqual([sources[1], sources[4]])
    const ids = JSON.parse(run.outputs['job-ids']) as string[]
    const serverIds = server().requests.filter((r) => r.call === 'run').map((r) => r.jobId)
    expect(ids).toEqual(serverIds)
    expect(Object.keys(JSON.parse(run.outputs.results))).toEqual([sources[1], sources[4]])
    const jobs = JSON.parse(run.outputs.jobs) as Array<{ source: string; jobid: string }>
    expect(jobs.map((job) => [job.source, job.jobid])).toEqual([[sources[1], ids[0]], [sources[4], ids[1]]])
    expect(run.stdout).toContain('on 2 source(s)')
    for (const [i, source] of sources.entries()) {
      expect(run.summary.includes(source)).toBe(i === 1 || i === 4)
    }
  })

  it('covers every source exactly once over all the shards', async () => {
    const started: string[] = []
    for (const shard of ['1/3', '2/3', '3/3']) {
      server().requests.length = 0
      const run = await runAction({
        inputs: inputsFor(server(), { sources: sources.join('\n'), shard, wait: 'false' })
      })
      expect(run.code).toBe(0)
      started.push(...runSources(server()))
    }
    expect([...started].sort()).toEqual([...sources].sort())
  })

  it('does nothing, and says so, when the shard has no sources', async () => {
    const run = await runAction({
      inputs: inputsFor(server(), { sources: sources.slice(0, 3).join('\n'), shard: '4/4' })
    })

    expect(run.code).toBe(0)
    expect(server().requests).toEqual([])
    expect(run.stdout).toContain('Shard 4/4 has no sources')
    expect(JSON.parse(run.outputs['job-ids'])).toEqual([])
  })
})
