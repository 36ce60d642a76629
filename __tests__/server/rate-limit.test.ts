import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startFilestackServer,
  type FilestackServer
} from '../../server/index.js'

let server: FilestackServer

beforeAll(async () => {
  server = await startFilestackServer()
})

afterAll(() => server.close())

async function hit() {
  const res = await fetch(`${server.url}/anything`)
  const header = (name: string) => res.headers.get(name)
  return {
    status: res.status,
    body: await res.text(),
    limit: header('filestack-limit'),
    remaining: header('filestack-remaining'),
    reset: Number(header('filestack-reset'))
  }
}

describe('rate limit', () => {
  it('sends no rate headers unless a limit is set', async () => {
    expect((await hit()).limit).toBeNull()
  })

  it('counts requests and answers 429 past the limit', async () => {
    const windowMs = 500
    const before = Date.now()
    server.configure({ rateLimit: { limit: 3, windowMs } })
    const answers = [await hit(), await hit(), await hit(), await hit()]
    expect(answers.map((a) => [a.status, a.remaining])).toEqual([
      [404, '2'], [404, '1'], [404, '0'], [429, '0']
    ])
    expect(answers[3].body).toBe('rate limit exceeded')
    expect(answers.every((a) => a.limit === '3')).toBe(true)
    const reset = answers[0].reset * 1000
    expect(reset).toBeGreaterThanOrEqual(before + windowMs)
    expect(reset).toBeLessThan(Date.now() + windowMs + 1000)
    await new Promise((r) => setTimeout(r, windowMs + 50))
    expect(await hit()).toMatchObject({ status: 404, remaining: '2' })
  })

  it('puts the headers on injected faults too, theirs winning', async () => {
    server.configure({ rateLimit: { limit: 10, windowMs: 60_000 } })
    server.inject({
      call: 'any',
      kind: 'status',
      statusCode: 503,
      headers: { 'Filestack-Reset': '12345' }
    })
    const faulted = await hit()
    expect(faulted).toMatchObject({ status: 503, limit: '10', reset: 12345 })
    server.configure({ rateLimit: undefined })
    expect((await hit()).limit).toBeNull()
  })
})
