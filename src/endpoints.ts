import { sourcePathSegment, type Source } from './sources.js'

/** A signed policy, as it goes into the security task. */
export interface Security {
  policy: string
  signature: string
}

/** Where and as whom the calls are made. */
export interface Endpoint {
  baseUrl: string
  apiKey?: string
  security: Security
}

/**
 * `run_workflow` for one source. The API key leads the path whenever it is
 * known: external URLs and aliases need it, and handles accept it.
 */
export function runWorkflowUrl(endpoint: Endpoint, workflowId: string, source: Source): string {
  const task = `run_workflow=id:${workflowId}`
  return [prefix(endpoint), task, sourcePathSegment(source)].join('/')
}

/** `workflow_status` for one job; the API key is required here. */
export function workflowStatusUrl(endpoint: Endpoint, jobId: string): string {
  return [prefix(endpoint), `workflow_status=job_id:${jobId}`].join('/')
}

function prefix({ baseUrl, apiKey, security }: Endpoint): string {
  const task = `security=p:${security.policy},s:${security.signature}`
  return [baseUrl.replace(/\/+$/, ''), apiKey, task].filter(Boolean).join('/')
}

/** The URL with its security segment and any query string blanked, for debug logs. */
export function redactUrl(url: string): string {
  return url
    .replace(/security=[^/]*/g, 'security=[redacted]')
    .replace(/\?.*$/, '?[redacted]')
}
