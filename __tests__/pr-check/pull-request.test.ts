import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startGitHubServer, type GitHubServer } from '../../server/github/index.js'
import { startFilestackServer, type FilestackServer } from '../../server/index.js'
import { errors, inputsFor, runAction } from '../support/action.js'
import { makeWorkspace } from '../support/workspace.js'

let filestack: FilestackServer
let github: GitHubServer

const PR = 'acme/assets#7'
const TOKEN = 'ghs_localTestToken000000000000'

beforeAll(async () => {
  filestack = await startFilestackServer()
  github = await startGitHubServer({ tokens: [TOKEN] })
})
afterAll(async () => {
  await filestack.close()
  await github.close()
})
beforeEach(() => {
  filestack.requests.length = 0
  github.requests.length = 0
  github.readOnly = false
  github.stallMs = 0
})

/** The runner's environment for a pull_request event of acme/assets#7. */
function pullRequestEnv(workspace: string, event = 'pull_request'): Record<string, string> {
  const path = join(workspace, '..', `${workspace.split('/').pop()}-event.json`)
  writeFileSync(path, JSON.stringify({ pull_request: { number: 7 }, repository: { name: 'assets', owner: { login: 'acme' } } }))
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/assets',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '42'
  }
}

const tree = {
  'assets/new.png': 'new',
  'assets/changed.png': 'changed',
  'assets/untouched.png': 'untouched',
  'assets/renamed.png': 'renamed'
}

function prInputs(extra: Record<string, string>): Record<string, string> {
  return inputsFor(filestack, { 'upload-url': filestack.url, 'github-token': TOKEN, files: 'assets/*.png', ...extra })
}

describe('changed-only', () => {
  it('checks only the files the pull request adds or modifies', async () => {
    github.setPullFiles(PR, [
      { filename: 'assets/new.png', status: 'added' },
      { filename: 'assets/changed.png', status: 'modified' },
      { filename: 'assets/gone.png', status: 'removed' },
      { filename: 'assets/renamed.png', status: 'renamed', previous_filename: 'assets/old.png' },
      { filename: 'README.md', status: 'modified' }
    ])
    const workspace = makeWorkspace(tree)
    const run = await runAction({ workspace, inputs: prInputs({ 'changed-only': 'true' }), env: pullRequestEnv(workspace) })

    expect(run.code).toBe(0)
    const files = (JSON.parse(run.outputs.jobs) as Array<{ file: string }>).map((j) => j.file)
    expect(files).toEqual(['assets/changed.png', 'assets/new.png', 'assets/renamed.png'])
    expect(run.stdout).toContain('3 of 4 matched file(s) are added or modified by acme/assets#7')
    expect(github.requests.every((r) => r.authorized)).toBe(true)
  })

  it('uses every matched file outside a pull request, and says so', async () => {
    const workspace = makeWorkspace(tree)
    const env = { ...pullRequestEnv(workspace, 'push') }
    const run = await runAction({ workspace, inputs: prInputs({ 'changed-only': 'true' }), env })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('not for a pull request, so every matched file is checked')
    expect(JSON.parse(run.outputs['job-ids'])).toHaveLength(4)
    expect(github.requests).toHaveLength(0)
  })
})

describe('changed-only with a stalled GitHub API', () => {
  it('fails at the run\'s timeout, naming the call that did not answer', async () => {
    github.stallMs = Infinity
    const workspace = makeWorkspace(tree)
    const inputs = prInputs({ 'changed-only': 'true', timeout: '3s' })
    const run = await runAction({ workspace, inputs, env: pullRequestEnv(workspace), killAfterMs: 20_000 })

    expect(run.code).toBe(1)
    expect(run.durationMs).toBeLessThan(6_000)
    expect(errors(run).join('\n')).toMatch(
      /Listing the files of pull request acme\/assets#7 failed: the GitHub API did not answer within \d/
    )
    expect(run.stdout).not.toContain(TOKEN)
    expect(filestack.requests).toHaveLength(0)
  })
})

describe('comment', () => {
  it('posts the summary table once, then updates that same comment', async () => {
    const workspace = makeWorkspace({ 'assets/new.png': 'new' })
    const env = pullRequestEnv(workspace)
    const first = await runAction({ workspace, inputs: prInputs({ comment: 'true' }), env })
    const second = await runAction({ workspace, inputs: prInputs({ comment: 'true' }), env })

    expect(first.stdout).toContain('comment: created the comment on acme/assets#7')
    expect(second.stdout).toContain('comment: updated the comment on acme/assets#7')
    const comments = github.comments(PR)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain(second.outputs['job-id'])
    expect(comments[0].body).not.toContain(first.outputs['job-id'])
    expect(comments[0].body).toContain('https://github.example/acme/assets/actions/runs/42')
    expect(comments[0].body).not.toContain(TOKEN)
  })

  it('warns and goes on when the token may not comment', async () => {
    github.readOnly = true
    const workspace = makeWorkspace({ 'assets/new.png': 'new' })
    const run = await runAction({ workspace, inputs: prInputs({ comment: 'true' }), env: pullRequestEnv(workspace) })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::comment: the token may not comment on acme\/assets#7/)
    expect(errors(run)).toEqual([])
  })

  it('marks a failing rule in the comment', async () => {
    filestack.configure({ jobRules: [{ match: 'new.png', results: { sfw_1: { data: { sfw: false } } } }] })
    const workspace = makeWorkspace({ 'assets/new.png': 'new' })
    const inputs = prInputs({ comment: 'true', 'fail-if': 'tasks.sfw.sfw == `false`' })
    const run = await runAction({ workspace, inputs, env: pullRequestEnv(workspace) })
    filestack.configure({ jobRules: [] })
    expect(run.code).toBe(1)
    expect(github.comments(PR).at(-1)?.body).toContain('❌ failed')
  })

  it('exits soon after SIGTERM while the comment waits on a stalled GitHub API', async () => {
    github.stallMs = Infinity
    const workspace = makeWorkspace({ 'assets/new.png': 'new' })
    let signalledAt = 0
    const when = (stdout: string): boolean => {
      if (!stdout.includes('Status:')) return false
      // Nothing is logged once the comment request is sent, so the signal waits here for it.
      pause(500)
      signalledAt = Date.now()
      return true
    }
    const inputs = prInputs({ comment: 'true' })
    const env = pullRequestEnv(workspace)
    const before = github.comments(PR)
    const run = await runAction({ workspace, inputs, env, signal: { name: 'SIGTERM', when }, killAfterMs: 20_000 })
    const exitMs = Date.now() - signalledAt

    expect(github.requests.map((r) => [r.method, r.status])).toEqual([['GET', 0]])
    expect(run.code).toBe(0)
    expect(exitMs).toBeLessThan(5_000)
    expect(run.stdout).toContain('::warning::comment: Reading the comments of pull request acme/assets#7 was cancelled.')
    expect(github.comments(PR)).toEqual(before)
  })

  it('posts no comment once the run is cancelled', async () => {
    github.stallMs = Infinity
    const workspace = makeWorkspace({ 'assets/new.png': 'new' })
    const when = (stdout: string): boolean => stdout.includes('Status:')
    const inputs = prInputs({ comment: 'true' })
    const before = github.comments(PR)
    const run = await runAction({ workspace, inputs, env: pullRequestEnv(workspace), signal: { name: 'SIGTERM', when }, killAfterMs: 20_000 })

    expect(run.code).toBe(0)
    expect(run.durationMs).toBeLessThan(5_000)
    expect(run.stdout).toMatch(/comment: .*cancelled/)
    expect(github.comments(PR)).toEqual(before)
  })
})

/**
 * Blocks this process for `ms`. The action runs on meanwhile; its
 * requests to the GitHub server here wait in the socket's backlog.
 */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
