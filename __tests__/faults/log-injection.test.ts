import { describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { inputsFor, runAction, useServer } from '../support/action.js'
import { makeWorkspace } from '../support/workspace.js'

const server = useServer()

/** Log lines the runner would read as workflow commands other than the action's own. */
function injected(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\s*::(error title=Spoofed|warning title=INJ|stop-commands)/.test(line))
}

describe('text from files and from Filestack in the log', () => {
  it('cannot start a workflow command from a file name', async () => {
    const workspace = makeWorkspace({ 'assets/::error title=Spoofed::All assets passed.png': 'x' })
    const run = await runAction({
      workspace,
      inputs: inputsFor(server(), { files: 'assets/*.png', 'upload-url': server().url })
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('::error title=Spoofed::All assets passed.png')
    expect(injected(run.stdout)).toEqual([])
  })

  it('refuses a file name with a line break, naming it on one line', async () => {
    const workspace = makeWorkspace({ 'assets/bad\n::warning title=INJ::x.png': 'x' })
    const run = await runAction({
      workspace,
      inputs: inputsFor(server(), { files: 'assets/*.png', 'upload-url': server().url })
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::error::Input 'files': "assets/bad\\n::warning title=INJ::x.png" has a control character`)
    expect(injected(run.stdout)).toEqual([])
    expect(server().requests).toHaveLength(0)
  })

  it('cannot start a workflow command from a status Filestack sends', async () => {
    const body = JSON.stringify({ jobid: 'job-1', status: 'Started\n::warning title=INJ::forged' })
    server().inject({ call: 'run', kind: 'status', statusCode: 200, body, headers: { 'content-type': 'application/json' } })
    const run = await runAction({ inputs: inputsFor(server(), { sources: 'pR4oeS63QLmYIFNs2ZvZ', wait: 'false' }) })
    expect(injected(run.stdout)).toEqual([])
  })

  it('does not walk a linked directory that leads out of the workspace', async () => {
    const workspace = makeWorkspace({ 'assets/a.png': 'a', 'assets/..hidden.png': 'dots, but inside' })
    symlinkSync('/usr/share', join(workspace, 'assets/shared'))
    const run = await runAction({
      workspace,
      inputs: inputsFor(server(), { files: 'assets/**', 'upload-url': server().url, timeout: '5s' })
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain("::error::Input 'files': assets/shared resolves outside the workspace")
    expect(run.durationMs).toBeLessThan(3000)
    expect(server().requests).toHaveLength(0)
  })
})

describe('files a pull request could use to leak the checkout', () => {
  it('refuses a link into .git, and never lists .git itself', async () => {
    const workspace = makeWorkspace({
      '.git/config': '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0',
      'assets/new.png': 'new'
    })
    symlinkSync('../.git/config', join(workspace, 'assets/logo.png'))
    const linked = await runAction({ workspace, inputs: inputsFor(server(), { files: 'assets/*.png', 'upload-url': server().url }) })
    expect(linked.code).toBe(1)
    expect(linked.stdout).toContain("::error::Input 'files': assets/logo.png leads into .git")
    expect(server().requests).toHaveLength(0)

    const everything = await runAction({ workspace, inputs: inputsFor(server(), { files: '**\n!assets/logo.png', 'upload-url': server().url }) })
    expect(everything.code).toBe(0)
    expect((JSON.parse(everything.outputs.jobs) as Array<{ file: string }>).map((j) => j.file)).toEqual(['assets/new.png'])
  })
})

describe('the older command syntax', () => {
  it('is broken up wherever it stands in a line', async () => {
    const workspace = makeWorkspace({ 'assets/##[error]pwned.png': 'x' })
    server().configure({ jobRules: [{ durationMs: 300, runningStatuses: ['##[warning]Spoofed', 'x ##[group]hidden'] }] })
    const run = await runAction({ workspace, inputs: inputsFor(server(), { files: 'assets/*', 'upload-url': server().url }) })
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n').filter((line) => !line.startsWith('::'))
    expect(lines.filter((line) => line.includes('##['))).toEqual([])
    expect(run.stdout).toContain('assets/## [error]pwned.png')
  })
})
