import { DEMO_API_KEY, DEMO_APP_SECRET, DEMO_WORKFLOWS, startFilestackServer } from '../../server/index.js'
import { runWorkflowUrl, workflowStatusUrl, type Endpoint } from '../../src/endpoints.js'
import { encodePolicy, signPolicy } from '../../src/policy.js'
import { parseSource, type Source } from '../../src/sources.js'
import type { JobSpec } from './action-run.js'

/** The baseline polls each job this often, as Filestack's Go example does. */
export const LOOP_EVERY_MS = 5000

/** Checks of one job before the loop gives up on it (bounds the loop). */
const MAX_CHECKS = 12

export interface LoopFigures {
  jobs: number
  wallMs: number
  statusRequests: number
  /** Each job's time, from its run call to the check that saw it done. */
  jobMs: number[]
  /** Each job's status checks. */
  checks: number[]
}

/**
 * The straightforward loop: start a job, check it every 5 s until it has
 * finished, then start the next. Runs against its own local server.
 */
export async function sequentialLoop(jobs: JobSpec[]): Promise<LoopFigures> {
  const server = await startFilestackServer({
    jobRules: jobs.map((job) => ({ match: job.source, durationMs: job.durationMs }))
  })
  const expiry = Math.floor(Date.now() / 1000) + 3600
  const policy = encodePolicy({ expiry, call: ['runWorkflow', 'read', 'convert'] })
  const endpoint: Endpoint = {
    baseUrl: server.url,
    apiKey: DEMO_API_KEY,
    security: { policy, signature: signPolicy(policy, DEMO_APP_SECRET) }
  }
  const figures: LoopFigures = { jobs: jobs.length, wallMs: 0, statusRequests: 0, jobMs: [], checks: [] }
  const started = Date.now()
  try {
    for (const job of jobs) {
      const jobStarted = Date.now()
      const source = parseSource(job.source) as Source
      const { jobid } = await getJson(runWorkflowUrl(endpoint, DEMO_WORKFLOWS.moderation, source))
      let checks = 0
      for (let status = 'Started'; status !== 'Finished' && checks < MAX_CHECKS; checks++) {
        await new Promise((resolve) => setTimeout(resolve, LOOP_EVERY_MS))
        status = (await getJson(workflowStatusUrl(endpoint, jobid))).status
      }
      figures.jobMs.push(Date.now() - jobStarted)
      figures.checks.push(checks)
      figures.statusRequests += checks
    }
  } finally {
    figures.wallMs = Date.now() - started
    await server.close()
  }
  return figures
}

async function getJson(url: string): Promise<{ jobid: string; status: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
  if (!response.ok) throw new Error(`HTTP ${response.status} from the local server`)
  return (await response.json()) as { jobid: string; status: string }
}

/** The loop's model: each job is seen done at the first 5-s check at or after its end. */
export function loopChecks(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs / LOOP_EVERY_MS))
}

/**
 * The loop over `all` jobs, extrapolated from a measured sample: each job
 * takes its checks times 5 s, plus the sample's measured overhead per job.
 */
export function extrapolate(sample: LoopFigures, sampleJobs: JobSpec[], all: JobSpec[]) {
  const modelled = sampleJobs.map((job) => loopChecks(job.durationMs) * LOOP_EVERY_MS)
  const overheadMs = (sample.wallMs - modelled.reduce((a, b) => a + b, 0)) / sample.jobs
  const checks = all.map((job) => loopChecks(job.durationMs))
  const wallMs = checks.reduce((a, b) => a + b * LOOP_EVERY_MS + overheadMs, 0)
  const slowest = all.reduce((a, b) => (b.durationMs > a.durationMs ? b : a))
  return {
    wallMs,
    overheadMs,
    statusPerJob: checks.reduce((a, b) => a + b, 0) / all.length,
    slowestChecks: loopChecks(slowest.durationMs)
  }
}
