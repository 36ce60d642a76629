import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubServer, type GitHubServer } from '../../server/github/index.js'
import {
  COMMENT_MARKER,
  MAX_COMMENT_LENGTH,
  commentText,
  upsertComment
} from '../../src/pr-comment.js'
import { failureOf } from './failure-of.js'

const TOKEN = 'ghs_prCommentTestToken456'
const PR = { owner: 'octo-org', repo: 'widgets', number: 3 }
const KEY = 'octo-org/widgets#3'
const BUSY = { ...PR, number: 4 }
const USER = { login: 'octocat', type: 'User' as const }
const APP = { login: 'filestack-checks[bot]', type: 'Bot' as const }

let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({ tokens: [TOKEN] })
  process.env.GITHUB_API_URL = server.url
})

afterAll(async () => {
  delete process.env.GITHUB_API_URL
  await server.close()
})

beforeEach(() => {
  server.readOnly = false
  server.stallMs = 0
  server.requests.length = 0
})

const count = (method: string) => server.requests.filter((r) => r.method === method).length

describe('upsertComment', () => {
  it('creates the comment once, then updates it in place', async () => {
    expect(await upsertComment(TOKEN, PR, 'first report')).toBe('created')
    expect(await upsertComment(TOKEN, PR, 'second report')).toBe('updated')

    const comments = server.comments(KEY)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toBe(`${COMMENT_MARKER}\nsecond report`)
    expect([count('POST'), count('PATCH')]).toEqual([1, 1])
  })

  it('finds its comment among 150 others, reading every page', async () => {
    const busy = 'octo-org/widgets#4'
    for (let i = 0; i < 150; i++) server.addComment(busy, { body: `comment ${i}`, user: USER })
    server.addComment(busy, { body: `> ${COMMENT_MARKER}\n> quoted`, user: USER })
    server.addComment(busy, { body: `${COMMENT_MARKER}\nold report` })
    server.requests.length = 0

    expect(await upsertComment(TOKEN, BUSY, 'new report')).toBe('updated')
    expect(count('GET')).toBe(2)
    const bodies = server.comments(busy).map((c) => c.body)
    expect(bodies).toHaveLength(152)
    expect(bodies.at(-1)).toBe(`${COMMENT_MARKER}\nnew report`)
    expect(bodies.at(-2)).toContain('quoted')
  })

  it('reports a read-only token as not permitted instead of failing', async () => {
    server.readOnly = true
    const outcome = upsertComment(TOKEN, { ...PR, number: 5 }, 'report')
    await expect(outcome).resolves.toBe('not-permitted')
    expect(server.comments('octo-org/widgets#5')).toEqual([])
    expect(count('POST')).toBe(1)
  })

  it('fails with a clear message that never shows the token', async () => {
    const wrong = 'ghs_wrongTokenThatMustNotLeak'
    const error = await failureOf(upsertComment(wrong, PR, 'report'))
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe(
      'Reading the comments of pull request octo-org/widgets#3 failed with HTTP 401: Bad credentials. Check the token given to the action.'
    )
    expect(String(error)).not.toContain(wrong)
    expect(JSON.stringify((error.cause as { request?: unknown }).request)).not.toContain(wrong)
  })
})

describe('upsertComment and whose comment it updates', () => {
  it('leaves a marker comment written by a person alone and creates its own', async () => {
    const key = 'octo-org/widgets#7'
    server.addComment(key, { body: `${COMMENT_MARKER}\nwritten by hand`, user: USER })
    expect(await upsertComment(TOKEN, { ...PR, number: 7 }, 'report')).toBe('created')

    const comments = server.comments(key)
    expect(comments.map((c) => c.body)).toEqual([
      `${COMMENT_MARKER}\nwritten by hand`,
      `${COMMENT_MARKER}\nreport`
    ])
    expect(count('PATCH')).toBe(0)
  })

  it('updates a marker comment written by a bot, such as a GitHub App', async () => {
    const key = 'octo-org/widgets#8'
    server.addComment(key, { body: `${COMMENT_MARKER}\nby hand`, user: USER })
    server.addComment(key, { body: `${COMMENT_MARKER}\nold report`, user: APP })
    expect(await upsertComment(TOKEN, { ...PR, number: 8 }, 'new report')).toBe('updated')

    const bodies = server.comments(key).map((c) => c.body)
    expect(bodies).toEqual([`${COMMENT_MARKER}\nby hand`, `${COMMENT_MARKER}\nnew report`])
    expect(count('POST')).toBe(0)
  })
})

describe('upsertComment with a stalled GitHub API', () => {
  it('fails once the signal times out, saying how long it waited', async () => {
    server.stallMs = Infinity
    const started = Date.now()
    const error = await failureOf(upsertComment(TOKEN, PR, 'report', AbortSignal.timeout(500)))
    expect(Date.now() - started).toBeLessThan(1500)
    expect(error.message).toMatch(
      /^Reading the comments of pull request octo-org\/widgets#3 failed: the GitHub API did not answer within (\d+ ms|\d+\.\d s)\.$/
    )
    expect(String(error)).not.toContain(TOKEN)
  })

  it('names the write that stalled, not the read before it', async () => {
    // Each answer takes 300 ms: the list comes back in time, the new comment does not.
    server.stallMs = 300
    const key = 'octo-org/widgets#9'
    const error = await failureOf(upsertComment(TOKEN, { ...PR, number: 9 }, 'report', AbortSignal.timeout(500)))
    expect(error.message).toMatch(/^Commenting on pull request octo-org\/widgets#9 failed: the GitHub API did not answer/)
    expect(server.comments(key)).toEqual([])
  })

  it('ends at once when the signal is aborted, even when the token may not comment', async () => {
    server.stallMs = Infinity
    server.readOnly = true
    const controller = new AbortController()
    const posting = upsertComment(TOKEN, PR, 'report', controller.signal)
    setTimeout(() => controller.abort('SIGTERM'), 100)
    const started = Date.now()
    const error = await failureOf(posting)
    expect(Date.now() - started).toBeLessThan(500)
    expect(error.message).toBe('Reading the comments of pull request octo-org/widgets#3 was cancelled.')
  })
})

describe('commentText', () => {
  it('starts with the marker line, and does not repeat it', () => {
    expect(commentText('hello')).toBe(`${COMMENT_MARKER}\nhello`)
    expect(commentText(`${COMMENT_MARKER}\nhello`)).toBe(`${COMMENT_MARKER}\nhello`)
  })

  it('cuts a body past the limit and says so', () => {
    const text = commentText('😀'.repeat(MAX_COMMENT_LENGTH))
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
    // A whole emoji before the note: the cut never splits a surrogate pair.
    expect(text).toMatch(/😀\n\n\*\(cut to fit GitHub's limit of 65536 characters per comment\)\*$/u)
  })

  it('posts a cut body that GitHub accepts', async () => {
    const long = 'x'.repeat(70_000)
    expect(await upsertComment(TOKEN, { ...PR, number: 6 }, long)).toBe('created')
    const [comment] = server.comments('octo-org/widgets#6')
    expect(comment.body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
  })
})
