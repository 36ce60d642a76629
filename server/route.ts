import { parseSecurityTask, type Credentials } from './policy.js'
import type { CallKind } from './types.js'

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; message: string }

interface Chain {
  apiKey?: string
  credentials?: Credentials
}

export interface RunPath extends Chain {
  workflowId: string
  /** Everything after `run_workflow=id:<ID>/`, exactly as sent. */
  rawSource: string
}

export interface StatusPath extends Chain {
  jobId: string
}

const UPLOAD_PATH = /^\/api\/store\/[^/?]+(\?|$)/

export function classifyCall(method: string, rawPath: string): CallKind {
  if (UPLOAD_PATH.test(rawPath)) return method === 'POST' ? 'upload' : 'other'
  if (method !== 'GET') return 'other'
  if (rawPath.includes('/run_workflow=')) return 'run'
  if (rawPath.includes('/workflow_status=')) return 'status'
  return 'other'
}

function fail<T>(status: number, message: string): Parsed<T> {
  return { ok: false, status, message }
}

function taskParam(params: string, name: string): string | undefined {
  for (const pair of params.split(',')) {
    if (pair.startsWith(`${name}:`)) return pair.slice(name.length + 1)
  }
  return undefined
}

/** Reads the API key and the tasks that precede the workflow task. */
function readChain(segments: string[]): Parsed<Chain> {
  const chain: Chain = {}
  for (const [i, segment] of segments.entries()) {
    const eq = segment.indexOf('=')
    if (eq < 0 && i === 0 && segment !== '') {
      chain.apiKey = segment
      continue
    }
    const name = eq < 0 ? segment : segment.slice(0, eq)
    if (name !== 'security') return fail(400, `invalid task: ${name}`)
    chain.credentials ??= parseSecurityTask(segment.slice(eq + 1))
  }
  return { ok: true, value: chain }
}

function findTask(segments: string[], name: string): number {
  return segments.findIndex((segment) => segment.startsWith(`${name}=`))
}

export function parseRunPath(rawPath: string): Parsed<RunPath> {
  const segments = rawPath.slice(1).split('/')
  const at = findTask(segments, 'run_workflow')
  const chain = readChain(segments.slice(0, at))
  if (!chain.ok) return chain
  const workflowId = taskParam(segments[at].slice('run_workflow='.length), 'id')
  if (!workflowId) return fail(400, 'run_workflow requires an id')
  const rawSource = segments.slice(at + 1).join('/')
  if (rawSource === '') return fail(400, 'missing source')
  return { ok: true, value: { ...chain.value, workflowId, rawSource } }
}

export function parseStatusPath(rawPath: string): Parsed<StatusPath> {
  const segments = rawPath.split('?')[0].slice(1).split('/')
  const at = findTask(segments, 'workflow_status')
  if (at !== segments.length - 1) {
    return fail(400, 'workflow_status must be the last task')
  }
  const chain = readChain(segments.slice(0, at))
  if (!chain.ok) return chain
  const params = segments[at].slice('workflow_status='.length)
  const jobId = taskParam(params, 'job_id')
  if (!jobId) return fail(400, 'workflow_status requires a job_id')
  return { ok: true, value: { ...chain.value, jobId } }
}
