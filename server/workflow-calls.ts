import { authorize, refuseSource } from './access.js'
import { findRule, newJob, startedView, statusView } from './jobs.js'
import { json, text, type Reply } from './reply.js'
import { parseRunPath, parseStatusPath } from './route.js'
import { isExternal, readSource } from './source.js'
import type { ServerState } from './state.js'

function withSource(reply: Reply, source?: string): Reply {
  return { ...reply, source }
}

/** GET [/<key>]/security=../run_workflow=id:<id>/<source> */
export function handleRun(state: ServerState, rawPath: string): Reply {
  const path = parseRunPath(rawPath)
  if (!path.ok) return text(path.status, path.message)
  const { apiKey, credentials, workflowId, rawSource } = path.value
  const read = readSource(rawSource)
  if (!read.ok) return withSource(text(400, read.message), read.value)
  const source = read.source
  const reject = (status: number, message: string) =>
    withSource(text(status, message), source.value)
  if (isExternal(source) && apiKey === undefined) {
    return reject(400, 'External sources require an API key')
  }
  if (apiKey !== undefined && !state.isKnownApp(apiKey)) {
    return reject(401, 'invalid application')
  }
  const auth = authorize(state, apiKey, credentials, 'run')
  if (!auth.ok) return withSource(auth.reply, source.value)
  const refusal = refuseSource(auth.policy, source)
  if (refusal) return reject(403, refusal)
  if (!state.workflowResults(workflowId)) {
    return reject(404, 'workflow not found')
  }
  const rule = findRule(state.jobRules, source.value, state.uploadNames.get(source.value))
  const job = newJob(workflowId, source.value, rule, auth.apiKey)
  state.jobs.set(job.jobid, job)
  const reply = withSource(json(200, startedView(job)), source.value)
  return { ...reply, jobId: job.jobid }
}

/** GET /<key>/security=../workflow_status=job_id:<id> */
export function handleStatus(state: ServerState, rawPath: string): Reply {
  const path = parseStatusPath(rawPath)
  if (!path.ok) return text(path.status, path.message)
  const { apiKey, credentials, jobId } = path.value
  const withJob = (reply: Reply): Reply => ({ ...reply, jobId })
  if (apiKey === undefined) {
    return withJob(text(400, 'workflow_status requires an API key'))
  }
  if (!state.isKnownApp(apiKey)) {
    return withJob(text(401, 'invalid application'))
  }
  const auth = authorize(state, apiKey, credentials, 'status')
  if (!auth.ok) return withJob(auth.reply)
  const job = state.jobs.get(jobId)
  if (!job || job.apiKey !== apiKey) return withJob(text(404, 'job not found'))
  const results = state.workflowResults(job.workflow) ?? {}
  return withJob(json(200, statusView(job, results, Date.now())))
}
