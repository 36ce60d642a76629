import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DEMO_API_KEY,
  startFilestackServer,
  type FilestackServer
} from '../../server/index.js'
import { uploadCredentials as credentials } from './signing.js'


let server: FilestackServer

beforeAll(async () => {
  server = await startFilestackServer()
})

afterAll(() => server.close())

async function upload(query: string, body: Buffer, type = 'image/png') {
  const res = await fetch(`${server.url}/api/store/S3?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body
  })
  const text = await res.text()
  const json = res.headers.get('content-type') === 'application/json'
  return { status: res.status, body: json ? JSON.parse(text) : text }
}

describe('POST /api/store/S3', () => {
  it('stores the exact bytes under a new handle', async () => {
    const bytes = randomBytes(200_000)
    const query =
      `key=${DEMO_API_KEY}&${credentials({ call: ['store'] })}` +
      '&filename=a%20b.png'
    const res = await upload(query, bytes)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      size: bytes.length,
      type: 'image/png',
      filename: 'a b.png',
      container: 'local'
    })
    expect(res.body.key).toMatch(/^[A-Za-z0-9]+_a b\.png$/)
    const handle = res.body.url.slice(server.url.length + 1)
    expect(res.body.url).toBe(`${server.url}/${handle}`)
    expect(handle).toMatch(/^[A-Za-z0-9_-]{20}$/)
    expect(server.uploads.get(handle)?.equals(bytes)).toBe(true)
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      call: 'upload',
      statusCode: 200
    })
  })

  it('takes the mimetype parameter over the header', async () => {
    const query = `key=${DEMO_API_KEY}&${credentials()}&mimetype=text/csv`
    const res = await upload(query, Buffer.from('a,b\n'), 'text/plain')
    expect(res.body).toMatchObject({ type: 'text/csv', size: 4 })
  })

  it('answers 200 Invalid Application without a known key', async () => {
    const stored = server.uploads.size
    for (const query of [credentials(), `key=nope&${credentials()}`]) {
      expect(await upload(query, Buffer.from('x'))).toEqual({
        status: 200,
        body: 'Invalid Application'
      })
    }
    expect(server.uploads.size).toBe(stored)
  })

  it('checks the policy like every other call', async () => {
    const key = `key=${DEMO_API_KEY}`
    const file = Buffer.from('12345')
    expect(await upload(key, file)).toEqual({
      status: 403,
      body: 'application policy error: proper credentials were not provided'
    })
    const read = `${key}&${credentials({ call: ['read'] })}`
    expect(await upload(read, file)).toEqual({
      status: 403,
      body: 'policy does not allow this call'
    })
    const small = `${key}&${credentials({ maxSize: 4 })}`
    expect((await upload(small, file)).status).toBe(403)
  })
})
