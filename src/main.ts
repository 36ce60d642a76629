import * as core from '@actions/core'
import { resolveSecurity, WORKFLOW_CALLS } from './credentials.js'
import { messageOf } from './errors.js'
import { FilestackClient } from './filestack.js'
import { Http } from './http.js'
import { readConfig, type Config } from './inputs.js'
import type { JobReport } from './job.js'
import { Limiter } from './limiter.js'
import { setJobIdOutputs } from './outputs.js'
import { prepareFiles, type PreparedFiles } from './prepare-files.js'
import { logProgress } from './progress.js'
import { RateLimit } from './rate-limit.js'
import { report } from './report.js'
import { resumeJobs } from './resume-jobs.js'
import { maskInputs } from './secrets.js'
import { startJobs, type StartFailure } from './start-jobs.js'
import { untilAborted } from './until-aborted.js'
import { followJob, type WaitOptions } from './follow-job.js'
import { logLine } from './log.js'

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

interface Jobs {
  reports: JobReport[]
  failures: StartFailure[]
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
    const { reports, failures } = config.jobIds ? await resume(session, config.jobIds) : await startAndFollow(session)
    await report({ config, reports, failures, cancelled: signal.aborted, signal })
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

/**
 * Starts a job per source and, when waiting, follows each one from the
 * moment it starts, so short jobs are seen done while later sources are
 * still being started. The job IDs are published once every start is known.
 */
async function startAndFollow(session: Session): Promise<Jobs> {
  const { config, client, signal } = session
  const uploaded = config.files ? await untilAborted(upload(session), signal) : undefined
  if (signal.aborted) return { reports: [], failures: [] }

  const sources = [...config.sources, ...(uploaded?.sources ?? [])]
  if (sources.length === 0 && config.shard) {
    logLine(`Shard ${config.shard.index}/${config.shard.total} has no sources; nothing to do.`)
  }
  logLine(`Starting workflow ${config.workflowId} on ${sources.length} source(s)`)
  const following: Array<Promise<void>> = []
  const options = waitOptions(session)
  const onStarted = (report: JobReport): void => {
    const follow = followJob(report, options)
    follow.catch(() => {}) // awaited below; this only keeps an early cancellation from going unhandled
    following.push(follow)
  }
  const slots: Array<JobReport | StartFailure | undefined> = []
  const plan = {
    workflowId: config.workflowId,
    sources,
    slots,
    files: uploaded?.files,
    onStarted: config.wait ? onStarted : undefined,
    deadline: session.deadline
  }
  await untilAborted(startJobs(client, plan), signal)

  const reports = slots.filter((s): s is JobReport => s !== undefined && 'jobId' in s)
  const failures = slots.filter((s): s is StartFailure => s !== undefined && !('jobId' in s))
  setJobIdOutputs(reports)
  await waitFor(reports, Promise.all(following), signal)
  return { reports, failures: [...(uploaded?.failures ?? []), ...failures] }
}

/** Takes up jobs started earlier: one status check each, then follows them like new ones. */
async function resume(session: Session, jobIds: string[]): Promise<Jobs> {
  const { config, client, signal } = session
  logLine(`Taking up ${jobIds.length} job(s) started earlier`)
  const reports = (await untilAborted(resumeJobs(client, jobIds), signal)) ?? []
  setJobIdOutputs(reports)
  if (config.wait) {
    const options = waitOptions(session)
    await waitFor(reports, Promise.all(reports.map((r) => followJob(r, options))), signal)
  }
  return { reports, failures: [] }
}

/** Waits for the jobs being followed, with a progress line every few seconds. */
async function waitFor(reports: JobReport[], following: Promise<unknown>, signal: AbortSignal): Promise<void> {
  const progress = logProgress(reports)
  try {
    await untilAborted(following, signal)
  } finally {
    clearInterval(progress)
  }
}

function waitOptions({ config, client, deadline, signal }: Session): WaitOptions {
  const schedule = { minMs: config.pollIntervalMs, maxMs: Math.max(config.pollIntervalMs, MAX_POLL_INTERVAL_MS) }
  return { client, deadline, schedule, signal }
}

function upload(session: Session): Promise<PreparedFiles> {
  const { config, http, limiter, deadline, signal } = session
  const files = config.files!
  return prepareFiles({
    inputs: files,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    shard: config.shard,
    githubToken: config.githubToken,
    http,
    limiter,
    target: { uploadUrl: files.uploadUrl, apiKey: config.apiKey!, security: session.client.security },
    retry: { maxAttempts: 5, deadline, signal, log: logLine }
  })
}
