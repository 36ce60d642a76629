import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type FilestackServer
} from '../../server/index.js'
import { HANDLE, inSeconds, security as signedSecurity } from './signing.js'

const security = (secret = DEMO_APP_SECRET): string => signedSecurity({ expiry: inSeconds(600) }, secret)

const TAGS = DEMO_WORKFLOWS.tags
const MODERATION = DEMO_WORKFLOWS.moderation


const b64 = (text: string) =>
  'b64://' + Buffer.from(text).toString('base64')
    .replace(/\+/g, '-').replace(/\//g, '_')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let server: FilestackServer

beforeAll(async () => {
  server = await startFilestackServer({
    jobRules: [
      {
        match: 'slow',
        durationMs: 600,
        runningStatuses: ['Pending', 'Running'],
        finalStatus: 'Failed'
      },
      { match: /custom-results/, results: { only: { data: 1 } } }
    ]
  })
})

afterAll(() => server.close())

type Body = Record<string, unknown>

async function get(path: string) {
  const res = await fetch(server.url + path)
  const text = await res.text()
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? (JSON.parse(text) as Body) : text
  return { status: res.status, body, type }
}

function run(source: string, key: string | null = DEMO_API_KEY, id = TAGS) {
  const prefix = key === null ? '' : `/${key}`
  return get(`${prefix}/${security()}/run_workflow=id:${id}/${source}`)
}

function status(jobid: string, key = DEMO_API_KEY) {
  return get(`/${key}/${security()}/workflow_status=job_id:${jobid}`)
}

describe('run_workflow', () => {
  it('answers the documented shape as JSON', async () => {
    const res = await run(HANDLE)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/json')
    const body = res.body as Body
    expect(Object.keys(body)).toEqual([
      'createdAt', 'jobid', 'sources', 'status', 'updatedAt', 'workflow'
    ])
    expect(body).toMatchObject({ sources: [HANDLE], status: 'Started' })
    expect(body.jobid).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/)
    expect(server.jobs.get(body.jobid as string)?.workflow).toBe(TAGS)
  })

  it('decodes a b64 source byte for byte', async () => {
    for (const source of [
      'https://example.com/a b/ünï?q="x, y"&z=%41,é#frag',
      'https://example.com/x?a=1,2&b=\'q\'',
      'src://my-alias/dir/file name, "v2".png'
    ]) {
      const res = await run(b64(source))
      expect(res.status).toBe(200)
      expect((res.body as Body).sources).toEqual([source])
      const record = server.requests.at(-1)
      expect(record?.source).toBe(source)
      expect(server.jobs.get(record?.jobId ?? '')?.source).toBe(source)
    }
  })

  it('refuses b64 that is unpadded, standard or garbled', async () => {
    const padded = b64('https://example.com/ab')
    expect(padded.endsWith('=')).toBe(true)
    for (const bad of [padded.replace(/=+$/, ''), 'b64://a+b/', 'b64://%41']) {
      expect(await run(bad)).toMatchObject({
        status: 400,
        body: 'invalid b64 source'
      })
    }
  })

  it('takes a raw URL source as sent', async () => {
    const source = 'https://example.com/img.png?w=1&h=2'
    expect((await run(source)).status).toBe(200)
    expect(server.requests.at(-1)?.source).toBe(source)
  })

  it('runs a handle without an API key, but no URL or alias', async () => {
    const keyless = await run(HANDLE, null)
    expect(keyless.status).toBe(200)
    const { jobid } = keyless.body as Body
    expect(server.jobs.get(jobid as string)?.apiKey).toBe(DEMO_API_KEY)
    expect((await status(jobid as string)).status).toBe(200)
    const refused = {
      status: 400,
      body: 'External sources require an API key'
    }
    expect(await run('https://example.com/a.png', null)).toMatchObject(refused)
    expect(await run(b64('src://alias/a.png'), null)).toMatchObject(refused)
  })

  it('refuses unknown sources and workflows', async () => {
    expect(await run('not-a-handle')).toMatchObject({
      status: 400,
      body: 'invalid source'
    })
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(await run(HANDLE, DEMO_API_KEY, unknown)).toMatchObject({
      status: 404,
      body: 'workflow not found'
    })
  })
})

describe('workflow_status', () => {
  it('finishes at once by default with the sample results', async () => {
    const { jobid } = (await run(HANDLE, DEMO_API_KEY, MODERATION)).body as Body
    const res = await status(jobid as string)
    expect(res.status).toBe(200)
    const body = res.body as Body
    expect(body).toMatchObject({ status: 'Finished', ttl: 172800, jobid })
    expect(Object.keys(body.results as Body)).toHaveLength(3)
  })

  it('runs through the running statuses to the final one', async () => {
    const { jobid } = (await run(b64('https://x.test/slow.png'))).body as Body
    const seen = [(await status(jobid as string)).body as Body]
    await sleep(350)
    seen.push((await status(jobid as string)).body as Body)
    await sleep(300)
    seen.push((await status(jobid as string)).body as Body)
    expect(seen.map((b) => b.status)).toEqual(['Pending', 'Running', 'Failed'])
    expect(seen[0]).not.toHaveProperty('results')
    expect(seen[2]).toHaveProperty('results')
    expect(seen[2].sources).toEqual(['https://x.test/slow.png'])
  })

  it('serves the results of a matching rule', async () => {
    const source = b64('https://x.test/custom-results.png')
    const { jobid } = (await run(source)).body as Body
    const res = await status(jobid as string)
    expect((res.body as Body).results).toEqual({ only: { data: 1 } })
  })

  it('hides unknown jobs and jobs of other apps', async () => {
    expect(await status('nope')).toMatchObject({
      status: 404,
      body: 'job not found'
    })
    const other = await startFilestackServer({
      apps: { [DEMO_API_KEY]: DEMO_APP_SECRET, otherKey: 'x' }
    })
    try {
      const path = `/${DEMO_API_KEY}/${security()}/run_workflow=id:${TAGS}/`
      const started = await fetch(other.url + path + HANDLE)
      const { jobid } = (await started.json()) as Body
      const sec = security('x')
      const res = await fetch(
        `${other.url}/otherKey/${sec}/workflow_status=job_id:${jobid}`
      )
      expect([res.status, await res.text()]).toEqual([404, 'job not found'])
      expect(other.jobs.get(jobid as string)?.apiKey).toBe(DEMO_API_KEY)
    } finally {
      await other.close()
    }
  })

  it('needs an API key', async () => {
    const res = await get(`/${security()}/workflow_status=job_id:abc`)
    expect(res.status).toBe(400)
  })
})
