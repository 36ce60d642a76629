import * as core from '@actions/core'
import { resolveSecurity } from './credentials.js'
import { messageOf } from './errors.js'
import { FilestackClient } from './filestack.js'
import { Http } from './http.js'
import { readConfig, type Config } from './inputs.js'
import type { JobReport } from './job.js'
import { Limiter } from './limiter.js'
import { setJobIdOutputs, setResultOutputs, writeResultsFile } from './outputs.js'
import { logProgress } from './progress.js'
import { RateLimit } from './rate-limit.js'
import { maskInputs } from './secrets.js'
import { startJobs, type StartFailure } from './start-jobs.js'
import { writeSummary } from './write-summary.js'
import { judge } from './verdict.js'
import { waitForJobs } from './wait-for-jobs.js'

/** One request may take this long before it counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000

/** Longest pause between two status checks of one job. */
const MAX_POLL_INTERVAL_MS = 30_000

/**
 * The action: read the inputs, sign, start a job per source, publish the
 * job IDs, wait for the jobs, then report in outputs, a results file and
 * the job summary. `signal` aborts when the runner cancels the step.
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
  if (config.sources.length === 0) {
    core.warning(`Shard ${config.shard?.index}/${config.shard?.total} has no sources; nothing to do.`)
    setJobIdOutputs([])
    return
  }

  const deadline = Date.now() + config.timeoutMs
  const http = new Http(Math.min(REQUEST_TIMEOUT_MS, config.timeoutMs))
  try {
    const security = resolveSecurity(config.credentials, deadline)
    const endpoint = { baseUrl: config.baseUrl, apiKey: config.apiKey, security }
    const client = new FilestackClient({
      http,
      endpoint,
      limiter: new Limiter(config.concurrency),
      rateLimit: new RateLimit(),
      deadline,
      signal
    })
    await startAndWait(config, client, deadline, signal)
  } catch (error) {
    core.setFailed(messageOf(error))
  } finally {
    http.dispose()
  }
}

async function startAndWait(
  config: Config,
  client: FilestackClient,
  deadline: number,
  signal: AbortSignal
): Promise<void> {
  core.info(`Starting workflow ${config.workflowId} on ${config.sources.length} source(s)`)
  const slots: Array<JobReport | StartFailure | undefined> = []
  const cancelled = (): boolean => signal.aborted
  await untilAborted(startJobs(client, config.workflowId, config.sources, slots), signal)

  const reports = slots.filter((s): s is JobReport => s !== undefined && 'jobId' in s)
  const failures = slots.filter((s): s is StartFailure => s !== undefined && !('jobId' in s))
  setJobIdOutputs(reports)

  if (config.wait && !cancelled()) {
    const schedule = { minMs: config.pollIntervalMs, maxMs: Math.max(config.pollIntervalMs, MAX_POLL_INTERVAL_MS) }
    const progress = logProgress(reports)
    try {
      await untilAborted(waitForJobs(reports, { client, deadline, schedule, signal }), signal)
    } finally {
      clearInterval(progress)
    }
  }

  const verdict = judge({ reports, failures, waited: config.wait, cancelled: cancelled(), timeoutMs: config.timeoutMs })
  const resultsFile = writeResultsFile(reports)
  setResultOutputs(reports, verdict.status, resultsFile)
  core.info(`Status: ${verdict.status}. Results file: ${resultsFile}`)
  if (config.summary) await writeSummary(config.workflowId, reports, resultsFile, verdict)
  if (verdict.problems.length > 0) core.setFailed(verdict.problems.join('\n'))
}

/** Resolves when the work is done or the run is cancelled, whichever is first. */
async function untilAborted(work: Promise<unknown>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return
  let onAbort = (): void => {}
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([work.catch((error) => { if (!signal.aborted) throw error }), aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
