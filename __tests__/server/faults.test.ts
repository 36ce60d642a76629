import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DEMO_API_KEY,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type FilestackServer
} from '../../server/index.js'
import { HANDLE, security } from './signing.js'

const runPath = () =>
  `/${DEMO_API_KEY}/${security()}/run_workflow=id:${DEMO_WORKFLOWS.tags}/` +
  HANDLE

let server: FilestackServer

beforeAll(async () => {
  server = await startFilestackServer()
})

afterAll(() => server.close())

const fetchRun = () => fetch(server.url + runPath())

/** Sends bytes as they are and reads until the connection ends. */
function rawExchange(url: string, request: string): Promise<string> {
  const { port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('close', () => resolve(answer))
    socket.on('error', () => resolve(answer))
  })
}

describe('answering faults', () => {
  it('answers a status fault instead of the call, then is spent', async () => {
    const jobs = server.jobs.size
    server.inject({
      call: 'run',
      kind: 'status',
      statusCode: 503,
      headers: { 'Retry-After': '1' }
    })
    const faulted = await fetchRun()
    expect(faulted.status).toBe(503)
    expect(faulted.headers.get('retry-after')).toBe('1')
    expect(await faulted.text()).toBe('503 Service Unavailable')
    expect(server.jobs.size).toBe(jobs)
    expect(server.requests.at(-1)).toMatchObject({
      call: 'run',
      statusCode: 503
    })
    expect((await fetchRun()).status).toBe(200)
  })

  it('affects as many matching requests as told, any call', async () => {
    server.inject({ call: 'any', kind: 'status', statusCode: 429, times: 2 })
    const codes = [
      (await fetch(`${server.url}/elsewhere`)).status,
      (await fetchRun()).status,
      (await fetchRun()).status
    ]
    expect(codes).toEqual([429, 429, 200])
  })

  it('serves an HTML page and a body that is not JSON', async () => {
    server.inject({ call: 'run', kind: 'html', statusCode: 502 })
    const page = await fetchRun()
    expect(page.status).toBe(502)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toMatch(/^<!DOCTYPE html>/)
    server.inject({ call: 'run', kind: 'bad-json' })
    const bad = await fetchRun()
    expect(bad.status).toBe(200)
    expect(bad.headers.get('content-type')).toBe('application/json')
    const text = await bad.text()
    expect(() => JSON.parse(text)).toThrow()
  })
})

describe('connection faults', () => {
  it('resets without starting a job', async () => {
    const jobs = server.jobs.size
    server.inject({ call: 'run', kind: 'reset' })
    await expect(fetchRun()).rejects.toThrow()
    expect(server.jobs.size).toBe(jobs)
    expect(server.requests.at(-1)).toMatchObject({ call: 'run', statusCode: 0 })
  })

  it('starts the job, then resets', async () => {
    const jobs = server.jobs.size
    server.inject({ call: 'run', kind: 'start-then-reset' })
    await expect(fetchRun()).rejects.toThrow()
    expect(server.jobs.size).toBe(jobs + 1)
    const record = server.requests.at(-1)
    expect(record?.statusCode).toBe(0)
    expect(server.jobs.get(record?.jobId ?? '')?.source).toBe(HANDLE)
  })

  it('stalls for a while, then answers normally', async () => {
    server.inject({ call: 'run', kind: 'stall', delayMs: 200 })
    const started = Date.now()
    const res = await fetchRun()
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('stalls forever, and close() still returns at once', async () => {
    const stalled = await startFilestackServer()
    stalled.inject({ call: 'status', kind: 'stall' })
    const idle = await fetch(`${stalled.url}/keep-alive`)
    await idle.text()
    const path = `/${DEMO_API_KEY}/${security()}/workflow_status=job_id:x`
    const pending = fetch(stalled.url + path)
    pending.catch(() => undefined)
    await new Promise((r) => setTimeout(r, 100))
    expect(stalled.requests.at(-1)).toMatchObject({
      call: 'status',
      statusCode: 0
    })
    const started = Date.now()
    await stalled.close()
    expect(Date.now() - started).toBeLessThan(500)
    await expect(pending).rejects.toThrow()
  })
})

describe('malformed input', () => {
  it('survives garbage, bad escapes and huge paths', async () => {
    const garbage = await rawExchange(server.url, 'NONSENSE\r\n\r\n')
    expect(garbage).toMatch(/^HTTP\/1\.1 400/)
    const escapes =
      '/%zz/security=p:%%,s:%/run_workflow=id:%E0%A4%A/b64://%ff%'
    const odd = await rawExchange(
      server.url,
      `GET ${escapes} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`
    )
    expect(odd).toMatch(/^HTTP\/1\.1 4\d\d/)
    const huge = `/${'a'.repeat(40_000)}`
    const long = await rawExchange(
      server.url,
      `GET ${huge} HTTP/1.1\r\nHost: x\r\n\r\n`
    )
    expect(long).toMatch(/^HTTP\/1\.1 431/)
    expect((await fetchRun()).status).toBe(200)
  })

  it('answers 404 to anything else', async () => {
    const res = await fetch(`${server.url}/${HANDLE}`, { method: 'DELETE' })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
  })
})
