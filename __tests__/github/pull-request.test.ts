import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { gitHubApiError, isRateLimited, pullRequestOf } from '../../src/pull-request.js'

const dir = mkdtempSync(join(tmpdir(), 'pull-request-test-'))

function eventFile(name: string, payload: unknown): string {
  const path = join(dir, `${name}.json`)
  writeFileSync(path, JSON.stringify(payload))
  return path
}

const pullRequestEvent = {
  action: 'synchronize',
  number: 42,
  pull_request: {
    number: 42,
    head: { repo: { full_name: 'someone/widgets' } },
    base: { repo: { full_name: 'octo-org/widgets' } }
  },
  repository: { name: 'widgets', owner: { login: 'octo-org' } }
}

// The toolkit's `context` reads the event when the module first loads,
// so the environment of a pull request run is in place before the import.
process.env.GITHUB_EVENT_PATH = eventFile('pull_request', pullRequestEvent)
process.env.GITHUB_EVENT_NAME = 'pull_request'
process.env.GITHUB_REPOSITORY = 'octo-org/widgets'
const { context } = await import('@actions/github')

/** A context read afresh from the environment, as the toolkit reads it. */
function contextFor(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  const Context = context.constructor as new () => typeof context
  return new Context()
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  delete process.env.GITHUB_EVENT_PATH
  delete process.env.GITHUB_EVENT_NAME
  delete process.env.GITHUB_REPOSITORY
})

describe('pullRequestOf', () => {
  it('reads the pull request of a pull_request event', () => {
    expect(pullRequestOf(context)).toEqual({ owner: 'octo-org', repo: 'widgets', number: 42 })
  })

  it('names the base repository for pull_request_target from a fork', () => {
    const target = contextFor({
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_EVENT_PATH: eventFile('target', { ...pullRequestEvent, pull_request: { number: 7 } })
    })
    expect(pullRequestOf(target)).toEqual({ owner: 'octo-org', repo: 'widgets', number: 7 })
  })

  it('is undefined for a push', () => {
    const push = contextFor({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventFile('push', { ref: 'refs/heads/main', commits: [] })
    })
    expect(pullRequestOf(push)).toBeUndefined()
  })

  it('is undefined for a manual run without an event file', () => {
    const manual = contextFor({
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: undefined
    })
    expect(pullRequestOf(manual)).toBeUndefined()
  })

  it('is undefined for other events that carry a pull request', () => {
    const review = contextFor({
      GITHUB_EVENT_NAME: 'pull_request_review',
      GITHUB_EVENT_PATH: eventFile('review', pullRequestEvent)
    })
    expect(pullRequestOf(review)).toBeUndefined()
  })

  it('is undefined for a pull_request event whose payload has no number', () => {
    const broken = contextFor({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile('broken', { pull_request: {} })
    })
    expect(pullRequestOf(broken)).toBeUndefined()
  })
})

describe('gitHubApiError', () => {
  const rateLimited = Object.assign(new Error('API rate limit exceeded for installation'), {
    status: 403,
    response: { headers: { 'x-ratelimit-remaining': '0' } }
  })
  const forbidden = Object.assign(new Error('Resource not accessible by integration'), {
    status: 403,
    response: {}
  })

  it('cuts the token out of anything that echoes it', () => {
    const echo = Object.assign(new Error('bad token ghs_secret123 given'), {
      status: 401,
      response: {}
    })
    const error = gitHubApiError('Reading x', echo, 'ghs_secret123', 'issues: read')
    expect(error.message).toBe(
      'Reading x failed with HTTP 401: bad token *** given. Check the token given to the action.'
    )
  })

  it('names the permission to check for a 403', () => {
    expect(gitHubApiError('Commenting', forbidden, 't', 'pull-requests: write').message).toBe(
      'Commenting failed with HTTP 403: Resource not accessible by integration. Check that the token can reach the repository and that the job has `permissions: pull-requests: write`.'
    )
  })

  it('tells a rate limit apart from a missing permission', () => {
    expect(isRateLimited(rateLimited)).toBe(true)
    expect(isRateLimited(forbidden)).toBe(false)
    const error = gitHubApiError('Listing', rateLimited, 't', 'x')
    expect(error.message).toMatch(/rate limit was reached; re-run/)
  })

  it('reports an error without an answer as it is', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { status: 500 })
    const error = gitHubApiError('Listing', refused, 't', 'x')
    expect(error.message).toBe('Listing failed: connect ECONNREFUSED')
  })
})
