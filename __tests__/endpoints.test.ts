import { describe, expect, it } from '@jest/globals'
import { redactUrl, runWorkflowUrl, workflowStatusUrl, type Endpoint } from '../src/endpoints.js'
import type { Source } from '../src/sources.js'

const WORKFLOW_ID = '67d273c3-249c-4192-b228-9c3e1d003963'
const POLICY = 'eyJleHBpcnkiOjE1Nzc4OTk4MDB9'
const SIGNATURE = '428c3b32d808'
const SECURITY = `security=p:${POLICY},s:${SIGNATURE}`
const CDN = 'https://cdn.filestackcontent.com'

function endpoint(fields: Partial<Endpoint> = {}): Endpoint {
  const security = { policy: POLICY, signature: SIGNATURE }
  return { baseUrl: CDN, apiKey: 'KEY123', security, ...fields }
}

const handle: Source = { text: 'pR4oeS63QLmYIFNs2ZvZ', kind: 'handle' }

describe('runWorkflowUrl', () => {
  it('puts the API key, the security task, the workflow and the handle in that order', () => {
    expect(runWorkflowUrl(endpoint(), WORKFLOW_ID, handle)).toBe(
      `${CDN}/KEY123/${SECURITY}/run_workflow=id:${WORKFLOW_ID}/pR4oeS63QLmYIFNs2ZvZ`
    )
  })

  it('leaves out the API key when there is none, as in the docs example', () => {
    expect(runWorkflowUrl(endpoint({ apiKey: undefined }), WORKFLOW_ID, handle)).toBe(
      `${CDN}/${SECURITY}/run_workflow=id:${WORKFLOW_ID}/pR4oeS63QLmYIFNs2ZvZ`
    )
  })

  it('appends a simple URL as it is', () => {
    const source: Source = { text: 'https://example.com/a/b.png', kind: 'url' }
    expect(runWorkflowUrl(endpoint(), WORKFLOW_ID, source)).toBe(
      `${CDN}/KEY123/${SECURITY}/run_workflow=id:${WORKFLOW_ID}/https://example.com/a/b.png`
    )
  })

  it('appends a storage alias as it is', () => {
    const source: Source = { text: 'src://alias/path/file.png', kind: 'alias' }
    expect(runWorkflowUrl(endpoint(), WORKFLOW_ID, source)).toBe(
      `${CDN}/KEY123/${SECURITY}/run_workflow=id:${WORKFLOW_ID}/src://alias/path/file.png`
    )
  })

  it('sends a URL with a query string as b64://', () => {
    const source: Source = { text: 'https://example.com/a.png?x=1', kind: 'url' }
    const url = runWorkflowUrl(endpoint(), WORKFLOW_ID, source)
    const encoded = 'aHR0cHM6Ly9leGFtcGxlLmNvbS9hLnBuZz94PTE='
    expect(url).toBe(`${CDN}/KEY123/${SECURITY}/run_workflow=id:${WORKFLOW_ID}/b64://${encoded}`)
    expect(url).not.toContain('?')
  })

  it.each([
    { name: 'one trailing slash', baseUrl: `${CDN}/` },
    { name: 'several trailing slashes', baseUrl: `${CDN}///` }
  ])('does not double the slash after a base URL with $name', ({ baseUrl }) => {
    expect(runWorkflowUrl(endpoint({ baseUrl }), WORKFLOW_ID, handle)).toBe(
      `${CDN}/KEY123/${SECURITY}/run_workflow=id:${WORKFLOW_ID}/pR4oeS63QLmYIFNs2ZvZ`
    )
  })

  it('keeps a path in the base URL', () => {
    const local = endpoint({ baseUrl: 'http://127.0.0.1:8080/mock' })
    const url = runWorkflowUrl(local, WORKFLOW_ID, handle)
    expect(url.startsWith('http://127.0.0.1:8080/mock/KEY123/security=')).toBe(true)
  })
})

describe('workflowStatusUrl', () => {
  it('puts the API key, the security task and the job ID in that order, and nothing after', () => {
    const url = workflowStatusUrl(endpoint(), 'job-42')
    expect(url).toBe(`${CDN}/KEY123/${SECURITY}/workflow_status=job_id:job-42`)
  })
})

describe('redactUrl', () => {
  it.each([
    {
      name: 'the security segment',
      url: `${CDN}/KEY123/${SECURITY}/workflow_status=job_id:job-42`,
      redacted: `${CDN}/KEY123/security=[redacted]/workflow_status=job_id:job-42`
    },
    {
      name: 'the long form of the security segment',
      url: `${CDN}/security=policy:${POLICY},signature:${SIGNATURE}/${handle.text}`,
      redacted: `${CDN}/security=[redacted]/${handle.text}`
    },
    {
      name: 'a query string',
      url: `${CDN}/${handle.text}?policy=${POLICY}&signature=${SIGNATURE}`,
      redacted: `${CDN}/${handle.text}?[redacted]`
    },
    {
      name: 'nothing from a URL without secrets',
      url: `${CDN}/KEY123/run_workflow=id:${WORKFLOW_ID}/${handle.text}`,
      redacted: `${CDN}/KEY123/run_workflow=id:${WORKFLOW_ID}/${handle.text}`
    }
  ])('blanks $name', ({ url, redacted }) => {
    expect(redactUrl(url)).toBe(redacted)
  })

  it('leaves neither the policy nor the signature in a run URL', () => {
    const url = redactUrl(runWorkflowUrl(endpoint(), WORKFLOW_ID, handle))
    expect(url).not.toContain(POLICY)
    expect(url).not.toContain(SIGNATURE)
  })
})
