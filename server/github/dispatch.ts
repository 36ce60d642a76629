import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  createComment,
  listComments,
  listPullFiles,
  notFound,
  updateComment,
  type ApiRequest,
  type Reply
} from './handlers.js'
import type { GitHubState } from './state.js'
import type { RecordedRequest } from './types.js'

interface Route {
  method: string
  pattern: RegExp
  /** Writes are refused while the server is read-only. */
  write: boolean
  handle(state: GitHubState, match: string[], req: ApiRequest): Reply
}

const REPO = '/repos/([^/]+)/([^/]+)'

const issueKey = (match: string[]) =>
  `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}#${match[3]}`

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/pulls/(\\d+)/files$`),
    write: false,
    handle: (state, match, req) => listPullFiles(state, issueKey(match), req)
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
    write: false,
    handle: (state, match, req) => listComments(state, issueKey(match), req)
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
    write: true,
    handle: (state, match, req) => createComment(state, issueKey(match), req)
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`),
    write: true,
    handle: (state, match, req) => updateComment(state, match[3], req)
  }
]

const TOKEN = /^(?:token|bearer) +(\S+)$/i

function authFailure(state: GitHubState, header?: string): Reply | undefined {
  if (!header) return { status: 401, body: { message: 'Requires authentication' } }
  const token = TOKEN.exec(header)?.[1]
  if (token && state.acceptsToken(token)) return undefined
  return { status: 401, body: { message: 'Bad credentials' } }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? undefined : JSON.parse(text)
}

async function answer(state: GitHubState, req: IncomingMessage, url: URL): Promise<Reply> {
  const denied = authFailure(state, req.headers.authorization)
  if (denied) return denied

  const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname))
  if (!route) return notFound()
  const match = route.pattern.exec(url.pathname) as RegExpExecArray

  if (route.write && state.readOnly) {
    return { status: 403, body: { message: 'Resource not accessible by integration' } }
  }
  const apiRequest: ApiRequest = { path: url.pathname, query: url.searchParams }
  if (route.write) {
    try {
      apiRequest.body = await readJson(req)
    } catch {
      return { status: 400, body: { message: 'Problems parsing JSON' } }
    }
  }
  return route.handle(state, [...match], apiRequest)
}

/** Longer delays than this would fire at once in Node's timers, so they wait forever. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Waits `ms` before a request is answered; Infinity waits until the
 * client or `close()` drops the connection. Resolves false when the
 * connection is gone, so nothing is written to it.
 */
function stall(ms: number, res: ServerResponse): Promise<boolean> {
  if (!(ms > 0)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = ms <= MAX_TIMER_MS ? setTimeout(() => done(true), ms) : undefined
    const dropped = () => done(false)
    function done(open: boolean) {
      clearTimeout(timer)
      res.off('close', dropped)
      resolve(open && !res.destroyed)
    }
    res.on('close', dropped)
  })
}

/** Answers one request and records it in `requests`. */
export async function serve(
  state: GitHubState,
  requests: RecordedRequest[],
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const url = new URL(req.url ?? '/', state.url)
  const record: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    authorized: req.headers.authorization !== undefined,
    status: 0
  }
  requests.push(record)
  if (!(await stall(state.stallMs, res))) return

  const reply = await answer(state, req, url)
  const body = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body))
  })
  res.end(body)
  record.status = reply.status
}
