import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type FilestackServer
} from '../../server/index.js'
import { encodePolicy, HANDLE, hmac, inSeconds, security } from './signing.js'

const later = (): number => inSeconds(3600)


let server: FilestackServer

beforeAll(async () => {
  server = await startFilestackServer()
})

afterAll(() => server.close())

async function get(path: string) {
  const res = await fetch(server.url + path)
  return { status: res.status, body: await res.text() }
}

function runPath(sec: string, source = HANDLE, key = DEMO_API_KEY) {
  const id = DEMO_WORKFLOWS.tags
  return `/${key}/${sec}/run_workflow=id:${id}/${source}`
}

describe('signing', () => {
  it('matches the documented test vector', () => {
    const json = '{"handle":"KW9EJhYtS6y48Whm2S6D","expiry":1508141504}'
    const policy = Buffer.from(json).toString('base64')
    expect(policy).toBe(
      'eyJoYW5kbGUiOiJLVzlFSmhZdFM2eTQ4V2htMlM2RCIsImV4cGlyeSI6MTUwODE0MTUwNH0='
    )
    expect(hmac(policy, 'Z3IYZSH2UJA7VN3QYFVSVCF7PI')).toBe(
      '4098f262b9dba23e4766ce127353aaf4f37fde0fd726d164d944e031fd862c18'
    )
  })

  it('verifies the vector, which is then refused as expired', async () => {
    const policy =
      'eyJoYW5kbGUiOiJLVzlFSmhZdFM2eTQ4V2htMlM2RCIsImV4cGlyeSI6MTUwODE0MTUwNH0='
    const signature =
      '4098f262b9dba23e4766ce127353aaf4f37fde0fd726d164d944e031fd862c18'
    const sec = `security=p:${policy},s:${signature}`
    const vector = await startFilestackServer({
      apps: { vectorKey: 'Z3IYZSH2UJA7VN3QYFVSVCF7PI', otherKey: 'OTHER' }
    })
    try {
      const run = async (key: string) => {
        const res = await fetch(vector.url + runPath(sec, HANDLE, key))
        return [res.status, await res.text()]
      }
      expect(await run('vectorKey')).toEqual([403, 'policy expired'])
      expect(await run('otherKey')).toEqual([403, 'invalid signature'])
    } finally {
      await vector.close()
    }
  })
})

describe('security failures on run_workflow', () => {
  it('accepts a valid policy in the short and the long form', async () => {
    expect((await get(runPath(security()))).status).toBe(200)
    const encoded = encodePolicy({ expiry: later() })
    const signature = hmac(encoded, DEMO_APP_SECRET)
    const long = `security=policy:${encoded},signature:${signature}`
    expect((await get(runPath(long))).status).toBe(200)
  })

  it('refuses a path without credentials', async () => {
    const missing = {
      status: 403,
      body: 'application policy error: proper credentials were not provided'
    }
    const id = DEMO_WORKFLOWS.tags
    expect(await get(`/${DEMO_API_KEY}/run_workflow=id:${id}/${HANDLE}`))
      .toEqual(missing)
    expect(await get(runPath('security=p:eyJ9,s:'))).toEqual(missing)
  })

  it('refuses an unpadded policy even with a valid signature', async () => {
    let policy = encodePolicy({ expiry: later(), call: ['runWorkflow'] })
    expect(policy.endsWith('=')).toBe(true)
    policy = policy.replace(/=+$/, '')
    const sec = `security=p:${policy},s:${hmac(policy, DEMO_APP_SECRET)}`
    expect(await get(runPath(sec))).toEqual({
      status: 403,
      body: 'policy was not properly url-safe base64 encoded'
    })
  })

  it('refuses a signature made with another secret', async () => {
    const sec = security({ expiry: later() }, 'NOT-THE-SECRET')
    expect(await get(runPath(sec))).toEqual({
      status: 403,
      body: 'invalid signature'
    })
  })

  it('refuses an expired policy and a non-integer expiry', async () => {
    const past = Math.floor(Date.now() / 1000) - 5
    expect(await get(runPath(security({ expiry: past })))).toEqual({
      status: 403,
      body: 'policy expired'
    })
    const fractional = security({ expiry: Date.now() / 1000 + 3600.5 })
    expect((await get(runPath(fractional))).status).toBe(403)
  })

  it('needs runWorkflow when the policy lists calls', async () => {
    const denied = security({ expiry: later(), call: ['read', 'store'] })
    expect(await get(runPath(denied))).toEqual({
      status: 403,
      body: 'policy does not allow this call'
    })
    const allowed = security({ expiry: later(), call: ['runWorkflow'] })
    expect((await get(runPath(allowed))).status).toBe(200)
  })

  it('holds a handle source to the policy handle', async () => {
    const sec = security({ expiry: later(), handle: 'AAAAAAAAAAAAAAAAAAAA' })
    expect((await get(runPath(sec))).status).toBe(403)
    expect((await get(runPath(sec, 'AAAAAAAAAAAAAAAAAAAA'))).status).toBe(200)
  })

  it('holds a URL source to the policy url pattern', async () => {
    const sec = security({ expiry: later(), url: 'https://ok\\.example/.*' })
    const ok = await get(runPath(sec, 'https://ok.example/a.png'))
    expect(ok.status).toBe(200)
    const bad = await get(runPath(sec, 'https://bad.example/a.png'))
    expect(bad).toEqual({ status: 403, body: 'policy does not allow this url' })
  })

  it('answers 401 for an unknown API key', async () => {
    const res = await get(runPath(security(), HANDLE, 'unknownKey'))
    expect(res).toEqual({ status: 401, body: 'invalid application' })
  })
})

describe('security on workflow_status', () => {
  it('accepts read or runWorkflow and refuses other calls', async () => {
    const started = await fetch(server.url + runPath(security()))
    const { jobid } = (await started.json()) as { jobid: string }
    const status = (sec: string) =>
      get(`/${DEMO_API_KEY}/${sec}/workflow_status=job_id:${jobid}`)
    const read = security({ expiry: later(), call: ['read'] })
    expect((await status(read)).status).toBe(200)
    const store = security({ expiry: later(), call: ['store'] })
    expect(await status(store)).toEqual({
      status: 403,
      body: 'policy does not allow this call'
    })
    expect((await status(security({ expiry: 1 }))).status).toBe(403)
  })
})
