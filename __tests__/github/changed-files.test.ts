import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubServer, type GitHubServer, type PullFile } from '../../server/github/index.js'
import { changedFiles } from '../../src/changed-files.js'
import { failureOf } from './failure-of.js'

const TOKEN = 'ghs_changedFilesTestToken123'
const BIG = { owner: 'octo-org', repo: 'widgets', number: 1 }
const MIXED = { owner: 'octo-org', repo: 'widgets', number: 2 }

const manyFiles: PullFile[] = Array.from({ length: 250 }, (_, i) => ({
  filename: `assets/photo-${i}.jpg`,
  status: i % 2 === 0 ? 'added' : 'modified'
}))

const mixedFiles: PullFile[] = [
  { filename: 'logo.png', status: 'modified' },
  { filename: 'old.png', status: 'removed' },
  { filename: 'new/name.png', status: 'renamed', previous_filename: 'old/name.png' },
  { filename: 'banner.svg', status: 'added' }
]

let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({
    pullFiles: { 'octo-org/widgets#1': manyFiles, 'octo-org/widgets#2': mixedFiles },
    tokens: [TOKEN]
  })
  // The toolkit takes its base URL from here when it is first loaded.
  process.env.GITHUB_API_URL = server.url
})

afterAll(async () => {
  delete process.env.GITHUB_API_URL
  await server.close()
})

beforeEach(() => {
  server.stallMs = 0
})

const fileRequests = (number: number) =>
  server.requests.filter((r) => r.path === `/repos/octo-org/widgets/pulls/${number}/files`)

describe('changedFiles', () => {
  it('cannot tell the changes of a pull request that lists as many files as GitHub shows', async () => {
    const huge = { owner: 'octo-org', repo: 'widgets', number: 77 }
    const files = Array.from({ length: 3100 }, (_, i) => ({ filename: `junk/${i}.txt`, status: 'added' as const }))
    server.setPullFiles('octo-org/widgets#77', [...files, { filename: 'assets/zz.png', status: 'added' }])
    expect(await changedFiles(TOKEN, huge)).toBeUndefined()
  })

  it('reads every page of a large pull request, 100 files a request', async () => {
    const files = (await changedFiles(TOKEN, BIG))!
    expect(files.size).toBe(250)
    expect(files).toContain('assets/photo-249.jpg')
    const pages = fileRequests(1).map((r) => [r.query.per_page, r.query.page ?? '1', r.authorized])
    expect(pages).toEqual([
      ['100', '1', true],
      ['100', '2', true],
      ['100', '3', true]
    ])
  })

  it('leaves removed files out and counts renamed files by their new name', async () => {
    const files = (await changedFiles(TOKEN, MIXED))!
    expect([...files].sort()).toEqual(['banner.svg', 'logo.png', 'new/name.png'])
  })

  it('says which pull request it could not read', async () => {
    const missing = { ...BIG, number: 99 }
    const error = await failureOf(changedFiles(TOKEN, missing))
    expect(error.message).toMatch(
      /^Listing the files of pull request octo-org\/widgets#99 failed with HTTP 404: Not Found\./
    )
    expect(error.message).toContain('`permissions: pull-requests: read`')
  })

  it('never puts the token in its error message', async () => {
    const wrong = 'ghs_wrongTokenThatMustNotLeak'
    const error = await failureOf(changedFiles(wrong, BIG))
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toMatch(/HTTP 401: Bad credentials\. Check the token/)
    expect(error.message).not.toContain(wrong)
    expect(String(error)).not.toContain(wrong)
  })

  it('gives up on a stalled GitHub API when the signal times out, and says how long it waited', async () => {
    server.stallMs = Infinity
    const started = Date.now()
    const error = await failureOf(changedFiles(TOKEN, MIXED, AbortSignal.timeout(500)))
    expect(Date.now() - started).toBeLessThan(1500)
    expect(error.message).toMatch(
      /^Listing the files of pull request octo-org\/widgets#2 failed: the GitHub API did not answer within (\d+ ms|\d+\.\d s)\.$/
    )
    expect(String(error)).not.toContain(TOKEN)
    expect(JSON.stringify((error.cause as { request?: unknown }).request)).not.toContain(TOKEN)
  })

  it('also bounds the later pages of a listing', async () => {
    // Each page takes 400 ms: the third is still unanswered when the signal times out.
    server.stallMs = 400
    server.requests.length = 0
    const error = await failureOf(changedFiles(TOKEN, BIG, AbortSignal.timeout(1000)))
    expect(error.message).toMatch(/did not answer within/)
    expect(fileRequests(1).map((r) => r.status)).toEqual([200, 200, 0])
  })

  it('ends at once when the signal is aborted', async () => {
    server.stallMs = Infinity
    const controller = new AbortController()
    const reading = changedFiles(TOKEN, MIXED, controller.signal)
    setTimeout(() => controller.abort('SIGTERM'), 100)
    const started = Date.now()
    const error = await failureOf(reading)
    expect(Date.now() - started).toBeLessThan(500)
    expect(error.message).toBe('Listing the files of pull request octo-org/widgets#2 was cancelled.')
  })

  it('does not call GitHub with a signal aborted already', async () => {
    server.requests.length = 0
    const error = await failureOf(changedFiles(TOKEN, MIXED, AbortSignal.abort()))
    expect(error.message).toMatch(/was cancelled\.$/)
    expect(server.requests).toHaveLength(0)
  })

  it('reports GitHub\'s answer, not the signal, when GitHub answered first', async () => {
    const controller = new AbortController()
    const error = await failureOf(changedFiles(TOKEN, { ...BIG, number: 98 }, controller.signal))
    controller.abort()
    expect(error.message).toMatch(/failed with HTTP 404: Not Found\./)
  })
})
