import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type FilestackServer,
  type RecordedRequest
} from '../../server/index.js'
import { runAction } from '../run-action.js'

/** One job of a benchmark: its source and how long the server runs it. */
export interface JobSpec {
  source: string
  durationMs: number
}

/** `count` jobs whose durations are spread evenly from `minMs` to `maxMs`. */
export function spreadJobs(count: number, minMs: number, maxMs: number): JobSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    source: `https://assets.example.com/pr/asset-${String(i).padStart(4, '0')}.png`,
    durationMs: Math.round(minMs + (i * (maxMs - minMs)) / Math.max(1, count - 1))
  }))
}

/** What one run of the built action against the local server measured. */
export interface ActionFigures {
  code: number | null
  status: string
  wallMs: number
  slowestMs: number
  /** Process start to the first request the server saw. */
  firstRequestMs: number
  /** First run call to last run call. */
  startSpreadMs: number
  /** The slowest job's end to the status check that saw it done. */
  seenLateMs: number
  /** The last request to the end of the process. */
  tailMs: number
  requests: number
  statusRequests: number
  slowestChecks: number
  maxInFlight: number
  tooMany: number
  meanPerSecond: number
  peakPerSecond: number
  /** The most requests in one of the server's rate-limit windows (0 without a limit). */
  busiestWindow: number
  logLines: number
  changeLines: number
  progressLines: number
}

export interface ActionOptions {
  inputs?: Record<string, string>
  rateLimit?: { limit: number; windowMs: number }
  /** The server holds every request this long before it answers. */
  latencyMs?: number
}

/** Starts a server for `jobs`, runs the action on them once and measures the run. */
export async function benchAction(jobs: JobSpec[], options: ActionOptions = {}): Promise<ActionFigures> {
  const windowsFrom = Date.now()
  const server = await startFilestackServer({
    jobRules: jobs.map((job) => ({ match: job.source, durationMs: job.durationMs })),
    rateLimit: options.rateLimit,
    faults: options.latencyMs ? [{ call: 'any', kind: 'stall', delayMs: options.latencyMs, times: 1e6 }] : []
  })
  try {
    const started = Date.now()
    const run = await runAction({
      inputs: {
        'workflow-id': DEMO_WORKFLOWS.moderation,
        sources: jobs.map((job) => job.source).join('\n'),
        'api-key': DEMO_API_KEY,
        'app-secret': DEMO_APP_SECRET,
        'base-url': server.url,
        timeout: '3m',
        ...options.inputs
      },
      killAfterMs: 170_000
    })
    const ended = started + run.durationMs
    const figures = measure(server, jobs, { started, ended, code: run.code, status: run.outputs.status ?? '', stdout: run.stdout })
    const windowMs = options.rateLimit?.windowMs
    figures.busiestWindow = windowMs ? busiestWindow(server.requests.map((r) => r.at), windowsFrom, windowMs) : 0
    return figures
  } finally {
    await server.close()
  }
}

interface RunTimes {
  started: number
  ended: number
  code: number | null
  status: string
  stdout: string
}

function measure(server: FilestackServer, jobs: JobSpec[], run: RunTimes): ActionFigures {
  const requests = server.requests
  const runs = requests.filter((r) => r.call === 'run')
  const checks = requests.filter((r) => r.call === 'status')
  const slowest = jobs.reduce((a, b) => (b.durationMs > a.durationMs ? b : a))
  const job = [...server.jobs.values()].find((j) => j.source === slowest.source)
  const jobChecks = checks.filter((r) => r.jobId === job?.jobid)
  const end = (job?.createdAt ?? 0) + slowest.durationMs
  const seen = jobChecks.find((r) => r.at >= end && r.statusCode === 200)
  const times = requests.map((r) => r.at)
  const lines = run.stdout.split('\n').filter((line) => line !== '' && !/^::(add-mask|debug)::/.test(line))
  return {
    code: run.code,
    status: run.status,
    wallMs: run.ended - run.started,
    slowestMs: slowest.durationMs,
    firstRequestMs: (times[0] ?? run.ended) - run.started,
    startSpreadMs: spread(runs),
    seenLateMs: seen ? seen.at - end : NaN,
    tailMs: run.ended - Math.max(...times),
    requests: requests.length,
    statusRequests: checks.length,
    slowestChecks: jobChecks.length,
    maxInFlight: server.maxInFlight,
    tooMany: requests.filter((r) => r.statusCode === 429).length,
    meanPerSecond: requests.length / (spread(requests) / 1000),
    peakPerSecond: busiestSecond(times),
    busiestWindow: 0,
    logLines: lines.length,
    changeLines: lines.filter((line) => line.includes(' → ')).length,
    progressLines: lines.filter((line) => line.startsWith('Waiting ')).length
  }
}

function spread(requests: RecordedRequest[]): number {
  return requests.length ? requests[requests.length - 1].at - requests[0].at : 0
}

/** The most requests that arrived within any one second. */
export function busiestSecond(times: number[]): number {
  let most = 0
  let from = 0
  for (let to = 0; to < times.length; to++) {
    while (times[to] - times[from] >= 1000) from++
    most = Math.max(most, to - from + 1)
  }
  return most
}

/** The most requests in one fixed window, the windows counted from `from` as the server counts them. */
function busiestWindow(times: number[], from: number, windowMs: number): number {
  const counts = new Map<number, number>()
  for (const at of times) {
    const window = Math.floor((at - from) / windowMs)
    counts.set(window, (counts.get(window) ?? 0) + 1)
  }
  return Math.max(0, ...counts.values())
}
