import type { context as actionsContext } from '@actions/github'
import { formatDuration } from './duration.js'
import { messageOf } from './errors.js'
import { plainText } from './plain-text.js'

/** A pull request of the repository the workflow runs in. */
export interface PullRequest {
  owner: string
  repo: string
  number: number
}

/** What `pullRequestOf` reads of `@actions/github`'s `context`. */
export type RunContext = Pick<typeof actionsContext, 'eventName' | 'payload' | 'repo'>

/**
 * Events whose payload is the pull request itself. In both, `context.repo`
 * is the base repository, the one that owns the pull request, even when
 * the changes come from a fork.
 */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** The pull request this run is for, or undefined for any other event. */
export function pullRequestOf(context: RunContext): PullRequest | undefined {
  if (!PULL_REQUEST_EVENTS.has(context.eventName)) return undefined
  const number: unknown = context.payload.pull_request?.number
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return undefined
  const { owner, repo } = context.repo
  return { owner, repo, number }
}

export function describePullRequest(pr: PullRequest): string {
  return `${pr.owner}/${pr.repo}#${pr.number}`
}

/**
 * An Octokit client for `token` whose every request, each page of a
 * listing included, ends when `signal` aborts. The signal is set per
 * request: given in the client's options, it would replace the toolkit's
 * proxy-aware `fetch`.
 */
export async function gitHubClient(token: string, signal?: AbortSignal) {
  // Loaded here so that runs without a pull request never load the client.
  const github = await import('@actions/github')
  const octokit = github.getOctokit(token)
  if (signal) {
    octokit.hook.before('request', (options) => {
      options.request = { ...options.request, signal }
    })
  }
  return octokit
}

/** `signal`, if any, that also aborts once `ms` have passed. */
export function timeLimited(ms: number, signal?: AbortSignal): AbortSignal {
  const limit = AbortSignal.timeout(ms)
  return signal ? AbortSignal.any([signal, limit]) : limit
}

/**
 * The error for a call that `signal` ended before GitHub answered, or
 * undefined if GitHub answered or the signal did not abort. `started` is
 * when the call began, to say how long GitHub was waited for.
 */
export function cutShortError(
  action: string,
  error: unknown,
  signal: AbortSignal | undefined,
  started: number
): Error | undefined {
  if (!signal?.aborted || statusOf(error) !== undefined) return undefined
  const reason = signal.reason as { name?: unknown } | undefined
  if (reason?.name !== 'TimeoutError') return new Error(`${action} was cancelled.`, { cause: error })
  const waited = formatDuration(Date.now() - started)
  return new Error(`${action} failed: the GitHub API did not answer within ${waited}.`, { cause: error })
}

/**
 * The HTTP status of an error thrown by Octokit, if GitHub answered. Octokit
 * gives network failures status 500 too, but no response.
 */
export function statusOf(error: unknown): number | undefined {
  const { status, response } = (error ?? {}) as { status?: unknown; response?: unknown }
  if (response === undefined || typeof status !== 'number') return undefined
  return status
}

/** A 403 or 429 from a rate limit, not from a missing permission. */
export function isRateLimited(error: unknown): boolean {
  const status = statusOf(error)
  if (status !== 403 && status !== 429) return false
  const { response } = error as { response?: { headers?: Record<string, unknown> } }
  const remaining = response?.headers?.['x-ratelimit-remaining']
  return remaining === '0' || /rate limit/i.test(messageOf(error))
}

/** Real tokens are far longer; cutting out a short one would mangle words. */
const MIN_TOKEN_LENGTH = 8

function redact(text: string, token: string): string {
  return token.length >= MIN_TOKEN_LENGTH ? text.replaceAll(token, '***') : text
}

/**
 * An error for a failed GitHub API call: what failed, GitHub's answer and
 * what to check. `permission` is the `permissions:` entry the call needs.
 * The token is cut out of the message in case any part echoes it.
 */
export function gitHubApiError(
  action: string,
  error: unknown,
  token: string,
  permission: string
): Error {
  const status = statusOf(error)
  const answer = plainText(messageOf(error))
  const failed = status ? `failed with HTTP ${status}: ${answer}` : `failed: ${answer}`
  const message = `${action} ${failed}${hint(error, permission)}`
  return new Error(redact(message, token), { cause: error })
}

function hint(error: unknown, permission: string): string {
  const status = statusOf(error)
  if (status === 401) return '. Check the token given to the action.'
  if (isRateLimited(error)) return '. The API rate limit was reached; re-run the job later.'
  if (status !== 403 && status !== 404) return ''
  const reach = 'Check that the token can reach the repository and that the job has'
  return `. ${reach} \`permissions: ${permission}\`.`
}
