import type { GitHubState } from './state.js'
import { paginate } from './pages.js'

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface ApiRequest {
  path: string
  query: URLSearchParams
  /** The parsed JSON body of a write. */
  body?: unknown
}

export const notFound = (): Reply => ({ status: 404, body: { message: 'Not Found' } })

function page<T>(state: GitHubState, req: ApiRequest, all: T[]): Reply {
  const { items, link } = paginate(all, state.url + req.path, req.query)
  return { status: 200, body: items, headers: link ? { Link: link } : {} }
}

/** The `body` of a comment write, or the 422 GitHub gives instead. */
function commentBody(req: ApiRequest): string | Reply {
  const body = (req.body as { body?: unknown } | undefined)?.body
  if (typeof body !== 'string') {
    return { status: 422, body: { message: 'Invalid request.\n\n"body" wasn\'t supplied.' } }
  }
  if (body.length > MAX_COMMENT_LENGTH) {
    const message = `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
    const errors = [{ resource: 'IssueComment', code: 'custom', field: 'body', message }]
    return { status: 422, body: { message: 'Validation Failed', errors } }
  }
  return body
}

/** GitHub lists at most this many files of a pull request, and drops the rest without a word. */
const MAX_LISTED_FILES = 3000

export function listPullFiles(state: GitHubState, key: string, req: ApiRequest): Reply {
  const files = state.pullFiles.get(key)
  return files ? page(state, req, files.slice(0, MAX_LISTED_FILES)) : notFound()
}

export function listComments(state: GitHubState, key: string, req: ApiRequest): Reply {
  return page(state, req, state.commentsOf(key))
}

export function createComment(state: GitHubState, key: string, req: ApiRequest): Reply {
  const body = commentBody(req)
  if (typeof body !== 'string') return body
  return { status: 201, body: state.addComment(key, { body }) }
}

export function updateComment(state: GitHubState, id: string, req: ApiRequest): Reply {
  const comment = state.findComment(Number(id))
  if (!comment) return notFound()
  const body = commentBody(req)
  if (typeof body !== 'string') return body
  comment.body = body
  comment.updated_at = new Date().toISOString()
  return { status: 200, body: comment }
}
