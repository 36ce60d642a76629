import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { closeSync, ftruncateSync, openSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A sparse file of the given size: large on paper, nothing on disk. */
function sparseFile(path: string, size: number): void {
  const fd = openSync(path, 'w')
  try {
    ftruncateSync(fd, size)
  } finally {
    closeSync(fd)
  }
}
import { errors, inputsFor, runAction, useServer } from '../support/action.js'
import { makeWorkspace } from '../support/workspace.js'

const server = useServer()

const INFECTED = {
  virus_detection_1548213592150: { data: { infected: true, infections_list: ['EICAR-Test-File'] } },
  sfw_1548213592151: { data: { sfw: true } }
}

function fileInputs(extra: Record<string, string>): Record<string, string> {
  return inputsFor(server(), { 'upload-url': server().url, ...extra })
}

describe('local files', () => {
  const png = randomBytes(4096)
  const tree = {
    'assets/logo.png': png,
    'assets/icons/star.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/notes.txt': 'not an asset',
    'docs/readme.md': '# docs'
  }

  it('uploads the files the globs match, byte for byte, and runs the workflow on each', async () => {
    const workspace = makeWorkspace(tree)
    const run = await runAction({ workspace, inputs: fileInputs({ files: 'assets/**\n!assets/**/*.txt' }) })

    expect(run.code).toBe(0)
    const uploads = server().requests.filter((r) => r.call === 'upload')
    expect(uploads).toHaveLength(2)
    const stored = [...server().uploads.values()].slice(-2)
    expect(stored.some((b) => b.equals(png))).toBe(true)
    const jobs = JSON.parse(run.outputs.jobs) as Array<{ file: string; source: string }>
    expect(jobs.map((j) => j.file)).toEqual(['assets/icons/star.svg', 'assets/logo.png'])
    for (const job of jobs) expect(server().uploads.has(job.source)).toBe(true)
    expect(Object.keys(JSON.parse(run.outputs.results))).toEqual(['assets/icons/star.svg', 'assets/logo.png'])
    expect(run.stdout).toContain('Started job')
    expect(run.summary).toContain('assets/logo.png')
  })

  it('fails clearly when the globs match nothing, before any request', async () => {
    const workspace = makeWorkspace(tree)
    const run = await runAction({ workspace, inputs: fileInputs({ files: 'media/**' }) })
    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([expect.stringContaining("Input 'files': matched no files")])
    expect(server().requests).toHaveLength(0)
  })

  it('succeeds with nothing to do when no files are allowed', async () => {
    const workspace = makeWorkspace(tree)
    const run = await runAction({ workspace, inputs: fileInputs({ files: 'media/**', 'allow-no-files': 'true' }) })
    expect(run.code).toBe(0)
    expect(run.outputs['job-ids']).toBe('[]')
    expect(server().requests).toHaveLength(0)
  })

  it('refuses a link that leads out of the workspace, naming it', async () => {
    const workspace = makeWorkspace(tree)
    const outside = makeWorkspace({ 'secret.txt': 'runner secret' })
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'assets/leak.png'))
    const run = await runAction({ workspace, inputs: fileInputs({ files: 'assets/*.png' }) })
    expect(run.code).toBe(1)
    expect(errors(run).join('\n')).toContain('assets/leak.png resolves outside the workspace')
    expect(server().requests).toHaveLength(0)
  })

  it('refuses a file too large for a one-request upload, naming it', async () => {
    const workspace = makeWorkspace({ 'assets/small.png': 'x' })
    sparseFile(join(workspace, 'assets/huge.png'), 101 * 1024 * 1024)
    const run = await runAction({ workspace, inputs: fileInputs({ files: 'assets/*' }) })
    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([expect.stringContaining("Input 'files': assets/huge.png is 101.0 MiB; the most this action uploads is 100 MiB")])
    expect(server().requests).toHaveLength(0)
  })

  it('refuses an empty file and a dangling link, naming the path', async () => {
    const workspace = makeWorkspace({ 'assets/empty.png': '' })
    const empty = await runAction({ workspace, inputs: fileInputs({ files: 'assets/*' }) })
    expect(errors(empty).join('\n')).toContain('assets/empty.png is empty')

    writeFileSync(join(workspace, 'assets/empty.png'), 'x')
    symlinkSync(join(workspace, 'nowhere.png'), join(workspace, 'assets/dangling.png'))
    const dangling = await runAction({ workspace, inputs: fileInputs({ files: 'assets/*' }) })
    expect(dangling.code).toBe(1)
    expect(errors(dangling).join('\n')).toMatch(/Input 'files': .*dangling\.png/)
    expect(server().requests).toHaveLength(0)
  })
})

describe('fail-if', () => {
  const tree = { 'assets/clean.png': 'clean', 'assets/eicar.png': 'infected', 'assets/ok.jpg': 'fine' }

  it('fails the step listing every file that broke the rule, each annotated', async () => {
    server().configure({ jobRules: [{ match: 'eicar', results: INFECTED }] })
    const workspace = makeWorkspace(tree)
    const run = await runAction({
      workspace,
      inputs: fileInputs({ files: 'assets/*', 'fail-if': 'tasks.virus_detection.infected' })
    })

    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('Finished')
    expect(JSON.parse(run.outputs['rule-failures'])).toEqual(['assets/eicar.png'])
    const annotation = errors(run).find((line) => line.includes('file=assets/eicar.png'))
    expect(annotation).toContain('title=Filestack check failed')
    expect(errors(run).join('\n')).toContain('assets/eicar.png broke the rule')
    expect(errors(run).join('\n')).not.toContain('assets/clean.png')
    expect(run.summary).toContain('❌ failed')
    expect(run.summary).toContain('✅ passed')
    expect(run.summary).toContain('EICAR-Test-File')
  })

  it('passes when no job breaks the rule', async () => {
    const workspace = makeWorkspace(tree)
    const rule = 'tasks.virus_detection.infected || tasks.sfw.sfw == `false`'
    const run = await runAction({ workspace, inputs: fileInputs({ files: 'assets/*', 'fail-if': rule }) })
    expect(run.code).toBe(0)
    expect(run.outputs['rule-failures']).toBe('[]')
    expect(errors(run)).toEqual([])
  })

  it('refuses a rule that does not parse, before any request', async () => {
    const workspace = makeWorkspace(tree)
    const run = await runAction({ workspace, inputs: fileInputs({ files: 'assets/*', 'fail-if': 'tasks.[' }) })
    expect(run.code).toBe(1)
    expect(errors(run)).toEqual([expect.stringContaining("Input 'fail-if': is not a valid JMESPath expression")])
    expect(server().requests).toHaveLength(0)
  })
})

describe('job-ids', () => {
  it('waits for and reports jobs started earlier, without starting new ones', async () => {
    server().configure({ jobRules: [{ durationMs: 800 }] })
    const sources = 'pR4oeS63QLmYIFNs2ZvZ\nhttps://assets.example.com/a.png'
    const first = await runAction({ inputs: inputsFor(server(), { sources, wait: 'false' }) })
    const ids = JSON.parse(first.outputs['job-ids']) as string[]
    server().requests.length = 0

    const run = await runAction({ inputs: inputsFor(server(), { 'job-ids': ids.join('\n') }) })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Finished')
    expect(JSON.parse(run.outputs['job-ids'])).toEqual(ids)
    expect(Object.keys(JSON.parse(run.outputs.results))).toEqual(sources.split('\n'))
    expect(server().requests.filter((r) => r.call === 'run')).toHaveLength(0)
    expect(run.summary).toContain(ids[1])
  })

  it('keeps two jobs on one source apart in results', async () => {
    const source = 'https://assets.example.com/twice.png'
    const first = await runAction({ inputs: inputsFor(server(), { sources: source, wait: 'false' }) })
    const second = await runAction({ inputs: inputsFor(server(), { sources: source, wait: 'false' }) })
    const ids = [first.outputs['job-id'], second.outputs['job-id']]

    const run = await runAction({ inputs: inputsFor(server(), { 'job-ids': JSON.stringify(ids) }) })
    expect(run.code).toBe(0)
    expect(Object.keys(JSON.parse(run.outputs.results))).toEqual([source, `${source} (job ${ids[1]})`])
  })

  it('has nothing to do for an empty list of job IDs', async () => {
    const run = await runAction({ inputs: inputsFor(server(), { 'job-ids': '[]' }) })
    expect(run.code).toBe(0)
    expect(run.outputs['job-ids']).toBe('[]')
    expect(server().requests).toHaveLength(0)
  })

  it('reports a job Filestack does not know as a failure naming it', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    const run = await runAction({ inputs: inputsFor(server(), { 'job-ids': missing }) })
    expect(run.code).toBe(1)
    expect(errors(run).join('\n')).toContain(`Could not check job ${missing}`)
  })
})
