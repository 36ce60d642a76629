import * as core from '@actions/core'
import { resolveSecurity, WORKFLOW_CALLS } from './credentials.js'
import { messageOf } from './errors.js'
import { FilestackClient } from './filestack.js'
import { Http } from './http.js'
import { readConfig, type Config } from './inputs.js'
import type { JobReport } from './job.js'
import { Limiter } from './limiter.js'
import { setJobIdOutputs } from './outputs.js'
import { prepareFiles } from './prepare-files.js'
import { logProgress } from './progress.js'
import { RateLimit } from './rate-limit.js'
import { report } from './report.js'
import { resumeJobs } from './resume-jobs.js'
import { maskInputs } from './secrets.js'
import type { Source } from './sources.js'
import { startJobs, type StartFailure } from './start-jobs.js'
import { untilAborted } from './until-aborted.js'
import { waitForJobs } from './wait-for-jobs.js'

/** One request may take this long before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000

/** Longest pause between two status checks of one job. */
const MAX_POLL_INTERVAL_MS = 30_000

/** What every phase of a run shares. */
interface Session {
  config: Config
  http: Http
  client: FilestackClient
  limiter: Limiter
  deadline: number
  signal: AbortSignal
}

/**
 * The action: read the inputs, sign, upload local files, start a job per
 * source (or take up jobs started earlier), publish the job IDs, wait,
 * then report in outputs, a results file, the job summary and the pull
 * request. `signal` aborts when the runner cancels the step.
 */
export async function run(signal: AbortSignal = new AbortController().signal): Promise<void> {
  maskInputs()
  let config: Config
  try {
    config = readConfig()
  } catch (error) {
    core.setFailed(messageOf(error))
    return
  }

  const deadline = Date.now() + config.timeoutMs
  const http = new Http(Math.min(REQUEST_TIMEOUT_MS, config.timeoutMs))
  try {
    const session = openSession(config, http, deadline, signal)
    const { reports, failures } = await startOrResume(session)
    setJobIdOutputs(reports)
    if (config.wait && !signal.aborted) await waitFor(reports, session)
    await report({ config, reports, failures, cancelled: signal.aborted })
  } catch (error) {
    core.setFailed(messageOf(error))
  } finally {
    http.dispose()
  }
}

function openSession(config: Config, http: Http, deadline: number, signal: AbortSignal): Session {
  const calls = config.files ? [...WORKFLOW_CALLS, 'store'] : WORKFLOW_CALLS
  const security = resolveSecurity(config.credentials, deadline, Date.now(), calls)
  const limiter = new Limiter(config.concurrency)
  const endpoint = { baseUrl: config.baseUrl, apiKey: config.apiKey, security }
  const client = new FilestackClient({ http, endpoint, limiter, rateLimit: new RateLimit(), deadline, signal })
  return { config, http, client, limiter, deadline, signal }
}

/** The jobs of this run, in source order, and what could not be started. */
async function startOrResume(session: Session): Promise<{ reports: JobReport[]; failures: StartFailure[] }> {
  const { config, client, signal } = session
  if (config.jobIds) {
    core.info(`Taking up ${config.jobIds.length} job(s) started earlier`)
    return { reports: await resumeJobs(client, config.jobIds), failures: [] }
  }

  const uploaded = config.files ? await untilAborted(upload(session), signal) : undefined
  if (signal.aborted) return { reports: [], failures: [] }
  const sources: Source[] = [...config.sources, ...(uploaded?.sources ?? [])]
  if (sources.length === 0 && config.shard) core.info(`Shard ${config.shard.index}/${config.shard.total} has no sources; nothing to do.`)
  core.info(`Starting workflow ${config.workflowId} on ${sources.length} source(s)`)
  const slots: Array<JobReport | StartFailure | undefined> = []
  await untilAborted(startJobs(client, config.workflowId, sources, slots, uploaded?.files), signal)
  return {
    reports: slots.filter((s): s is JobReport => s !== undefined && 'jobId' in s),
    failures: [...(uploaded?.failures ?? []), ...slots.filter((s): s is StartFailure => s !== undefined && !('jobId' in s))]
  }
}

function upload(session: Session): ReturnType<typeof prepareFiles> {
  const { config, http, limiter, deadline, signal } = session
  return prepareFiles({
    inputs: config.files!,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    shard: config.shard,
    githubToken: config.githubToken,
    http,
    limiter,
    target: { uploadUrl: config.files!.uploadUrl, apiKey: config.apiKey!, security: session.client.security },
    retry: { maxAttempts: 5, deadline, signal, log: core.info }
  })
}

async function waitFor(reports: JobReport[], session: Session): Promise<void> {
  const { config, client, deadline, signal } = session
  const schedule = { minMs: config.pollIntervalMs, maxMs: Math.max(config.pollIntervalMs, MAX_POLL_INTERVAL_MS) }
  const progress = logProgress(reports)
  try {
    await untilAborted(waitForJobs(reports, { client, deadline, schedule, signal }), signal)
  } finally {
    clearInterval(progress)
  }
}
