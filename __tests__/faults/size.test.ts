import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  HANDLE,
  expectCompleteResultsFile,
  expectNoSecretShown,
  inputsFor,
  runAction,
  secretsOf,
  useServer
} from '../support/faults.js'

const server = useServer()

const KIB = 1024
const BUDGET = 256 * KIB

/** Results of about `kib` KiB, as a workflow with a large task output would return. */
function bigResults(kib: number, seed: string): Record<string, unknown> {
  const line = `${seed} `.repeat(256).slice(0, 1024)
  const pages = Array.from({ length: kib }, (_, i) => `${i}:${line}`)
  return {
    ocr_1700000000000: { data: { pages } },
    tags_1700000000001: { data: { tags: { auto: { [seed]: 99 } } } }
  }
}

/** Size as the runner counts it for outputs (UTF-16). */
const outputSize = (text: string): number => text.length * 2

describe('a run with megabytes of results', () => {
  it('cuts the outputs and the summary to fit, says where the rest is, and keeps everything in the results file', async () => {
    const small = [HANDLE, 'https://assets.example.com/small-1.png', 'https://assets.example.com/small-2.png']
    const large = Array.from({ length: 6 }, (_, i) => `https://assets.example.com/scan-${i}.pdf`)
    server().configure({
      jobRules: [
        ...large.map((source, i) => ({ match: source, results: bigResults(700, `scan${i}`) })),
        { results: bigResults(2, 'small') }
      ]
    })
    const run = await runAction({ inputs: inputsFor(server(), { sources: [...small, ...large].join('\n') }) })

    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Finished')
    const resultsFile = run.outputs['results-file']

    const records = expectCompleteResultsFile(run, server())
    expect(records).toHaveLength(9)
    expect(readFileSync(resultsFile).length).toBeGreaterThan(4 * 1024 * KIB)
    for (const [i, source] of large.entries()) {
      expect(records.find((r) => r.source === source)!.results).toEqual(bigResults(700, `scan${i}`))
    }

    expect(outputSize(run.outputs.results)).toBeLessThanOrEqual(BUDGET)
    const results = JSON.parse(run.outputs.results) as Record<string, unknown>
    expect(Object.keys(results)).toEqual([...small, '…truncated'])
    expect(results['…truncated']).toEqual({ truncated: true, omitted: 6, resultsFile })

    expect(outputSize(run.outputs.jobs)).toBeLessThanOrEqual(BUDGET)
    const jobs = JSON.parse(run.outputs.jobs) as Array<Record<string, unknown>>
    expect(jobs.slice(0, 3).map((j) => j.source)).toEqual(small)
    expect(jobs.at(-1)).toEqual({ truncated: true, omitted: 6, resultsFile })

    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * KIB)
    expect(run.summary).toContain("Left out to fit GitHub's size limit for summaries")
    expect(run.summary).toContain(`The full results are in <code>${resultsFile}</code>.`)
    for (const id of JSON.parse(run.outputs['job-ids']) as string[]) expect(run.summary).toContain(id)

    expect(Object.values(run.outputs).reduce((total, value) => total + outputSize(value), 0)).toBeLessThan(1000 * KIB)
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('leaves outputs and summary whole when they fit', async () => {
    server().configure({ jobRules: [{ results: bigResults(20, 'medium') }] })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.results)).toEqual({ [HANDLE]: bigResults(20, 'medium') })
    expect(run.outputs.jobs).not.toContain('"truncated"')
    expect(run.summary).not.toContain('Left out to fit')
    expectCompleteResultsFile(run, server())
  })
})
