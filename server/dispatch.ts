import type { IncomingMessage, ServerResponse } from 'node:http'
import { faultReply, type FaultBook } from './faults.js'
import type { RateLimiter } from './rate-limit.js'
import { text, write, type Reply } from './reply.js'
import { classifyCall, parseRunPath, parseStatusPath } from './route.js'
import { readSource } from './source.js'
import type { ServerState } from './state.js'
import type { CallKind, FaultRule, RecordedRequest } from './types.js'
import { handleUpload } from './upload.js'
import { handleRun, handleStatus } from './workflow-calls.js'

export interface Context {
  state: ServerState
  faults: FaultBook
  limiter: RateLimiter
  requests: RecordedRequest[]
  /** Resolves after `ms`, or never if the server closes first. */
  sleep(ms: number): Promise<void>
}

async function handle(
  ctx: Context,
  call: CallKind,
  req: IncomingMessage,
  rawPath: string
): Promise<Reply> {
  if (call === 'run') return handleRun(ctx.state, rawPath)
  if (call === 'status') return handleStatus(ctx.state, rawPath)
  if (call === 'upload') return handleUpload(ctx.state, req, rawPath)
  return text(404, 'not found')
}

/** The source a request concerns, for faults aimed at one source. */
function sourceOf(ctx: Context, call: CallKind, rawPath: string): string | undefined {
  if (call === 'run') {
    const path = parseRunPath(rawPath)
    if (!path.ok) return undefined
    const read = readSource(path.value.rawSource)
    return read.ok ? read.source.value : read.value
  }
  if (call !== 'status') return undefined
  const path = parseStatusPath(rawPath)
  return path.ok ? ctx.state.jobs.get(path.value.jobId)?.source : undefined
}

/** Holds the request back as the fault says; false = forever. */
async function stall(ctx: Context, fault?: FaultRule): Promise<boolean> {
  if (fault?.delayMs === undefined) return fault?.kind !== 'stall'
  await ctx.sleep(fault.delayMs)
  return true
}

/** One request: faults first, then the rate limit, then the call itself. */
export async function serve(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const rawPath = req.url ?? '/'
  const method = req.method ?? 'GET'
  const call = classifyCall(method, rawPath)
  const record: RecordedRequest = {
    method, rawPath, call, statusCode: 0, at: Date.now()
  }
  ctx.requests.push(record)
  res.on('finish', () => (record.statusCode = res.statusCode))
  const fault = ctx.faults.take(call, sourceOf(ctx, call, rawPath))
  if (fault?.kind === 'reset') return void req.socket.destroy()
  if (!(await stall(ctx, fault)) || res.destroyed) return
  const replaced = fault && faultReply(fault)
  if (replaced) {
    return write(res, replaced, ctx.limiter.peek(Date.now()).headers)
  }
  const rate = ctx.limiter.take(Date.now())
  if (rate.limited) {
    return write(res, text(429, 'rate limit exceeded'), rate.headers)
  }
  const reply = await handle(ctx, call, req, rawPath)
  if (reply.source !== undefined) record.source = reply.source
  if (reply.jobId !== undefined) record.jobId = reply.jobId
  if (fault?.kind === 'start-then-reset') return void req.socket.destroy()
  if (!res.destroyed) write(res, reply, rate.headers)
}
