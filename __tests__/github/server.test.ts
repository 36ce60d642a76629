import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubServer, type GitHubServer, type PullFile } from '../../server/github/index.js'

const KEY = 'octo-org/widgets#5'
const FILES: PullFile[] = Array.from({ length: 65 }, (_, i) => ({
  filename: `images/${i}.png`,
  status: 'added'
}))

let server: GitHubServer

beforeAll(async () => {
  server = await startGitHubServer({ pullFiles: { [KEY]: FILES }, tokens: ['good-token'] })
})

afterAll(() => server.close())

beforeEach(() => {
  server.readOnly = false
  server.stallMs = 0
})

async function call(method: string, path: string, body?: unknown, auth = 'token good-token') {
  const headers: Record<string, string> = auth ? { authorization: auth } : {}
  const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }
  const res = await fetch(server.url + path, init)
  return { status: res.status, link: res.headers.get('link'), body: (await res.json()) as any }
}

describe('the local GitHub API server', () => {
  it('asks for authentication when no token comes with a request', async () => {
    const res = await call('GET', '/repos/octo-org/widgets/pulls/5/files', undefined, '')
    expect(res).toMatchObject({ status: 401, body: { message: 'Requires authentication' } })
    expect(server.requests.at(-1)).toMatchObject({ authorized: false, status: 401 })
  })

  it('refuses a token it does not know', async () => {
    const res = await call('GET', '/repos/octo-org/widgets/pulls/5/files', undefined, 'token nope')
    expect(res).toMatchObject({ status: 401, body: { message: 'Bad credentials' } })
  })

  it('accepts bearer tokens', async () => {
    const path = '/repos/octo-org/widgets/pulls/5/files'
    const res = await call('GET', path, undefined, 'Bearer good-token')
    expect(res.status).toBe(200)
  })

  it('serves 30 files a page by default and links the next and last pages', async () => {
    const res = await call('GET', '/repos/octo-org/widgets/pulls/5/files')
    expect(res.body).toHaveLength(30)
    expect(res.link).toBe(
      `<${server.url}/repos/octo-org/widgets/pulls/5/files?page=2>; rel="next", ` +
        `<${server.url}/repos/octo-org/widgets/pulls/5/files?page=3>; rel="last"`
    )
  })

  it('keeps per_page in the links and serves the last page without a next link', async () => {
    const res = await call('GET', '/repos/octo-org/widgets/pulls/5/files?per_page=50&page=2')
    expect(res.body).toHaveLength(15)
    expect(res.link).toContain('per_page=50&page=1>; rel="first"')
    expect(res.link).not.toContain('rel="next"')
  })

  it('serves at most 100 a page', async () => {
    const res = await call('GET', '/repos/octo-org/widgets/pulls/5/files?per_page=500')
    expect(res.body).toHaveLength(65)
    expect(res.link).toBeNull()
  })

  it('answers 404 for a pull request it does not know and for unknown routes', async () => {
    expect((await call('GET', '/repos/octo-org/widgets/pulls/6/files')).status).toBe(404)
    const unknown = await call('GET', '/user')
    expect(unknown).toMatchObject({ status: 404, body: { message: 'Not Found' } })
  })

  it('creates and edits comments', async () => {
    const created = await call('POST', '/repos/octo-org/widgets/issues/5/comments', { body: 'one' })
    expect(created).toMatchObject({
      status: 201,
      body: { body: 'one', user: { login: 'github-actions[bot]', type: 'Bot' } }
    })
    const id = created.body.id
    expect(created.body.html_url).toBe(`${server.url}/octo-org/widgets/issues/5#issuecomment-${id}`)

    const path = `/repos/octo-org/widgets/issues/comments/${id}`
    const edited = await call('PATCH', path, { body: 'two' })
    expect(edited).toMatchObject({ status: 200, body: { id, body: 'two' } })
    expect(server.comments(KEY).map((c) => c.body)).toEqual(['two'])
  })

  it('refuses a comment without a body or past the length limit', async () => {
    const path = '/repos/octo-org/widgets/issues/5/comments'
    expect((await call('POST', path, {})).status).toBe(422)
    expect((await call('POST', path, { body: 'x'.repeat(65_537) })).status).toBe(422)
    const unknown = await call('PATCH', '/repos/octo-org/widgets/issues/comments/1', { body: 'x' })
    expect(unknown.status).toBe(404)
  })

  it('refuses writes but not reads while read-only', async () => {
    server.readOnly = true
    const res = await call('POST', '/repos/octo-org/widgets/issues/5/comments', { body: 'x' })
    const message = 'Resource not accessible by integration'
    expect(res).toMatchObject({ status: 403, body: { message } })
    expect((await call('GET', '/repos/octo-org/widgets/issues/5/comments')).status).toBe(200)
  })

  it('answers after stallMs, and records the request as unanswered meanwhile', async () => {
    server.stallMs = 300
    const started = Date.now()
    const answer = call('GET', '/repos/octo-org/widgets/pulls/5/files')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(server.requests.at(-1)).toMatchObject({ path: '/repos/octo-org/widgets/pulls/5/files', status: 0 })
    expect((await answer).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(server.requests.at(-1)?.status).toBe(200)
  })

  it('never answers while stallMs is Infinity, and still closes at once', async () => {
    const stalled = await startGitHubServer({ stallMs: Infinity })
    const request = fetch(`${stalled.url}/repos/octo-org/widgets/issues/5/comments`, {
      headers: { authorization: 'token any' }
    })
    const failed = request.then(
      () => 'answered',
      () => 'dropped'
    )
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(stalled.requests).toMatchObject([{ method: 'GET', status: 0 }])
    const started = Date.now()
    await stalled.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await failed).toBe('dropped')
  })
})
