import {
  cutShortError,
  describePullRequest,
  gitHubApiError,
  gitHubClient,
  isRateLimited,
  statusOf,
  type PullRequest
} from './pull-request.js'

/** The first line of the action's comment, hidden when rendered; finds it again on the next run. */
export const COMMENT_MARKER = '<!-- filestack-workflows-action -->'

/**
 * A marker of its own for each place the action runs from (workflow, job,
 * shard), so that shards and parallel steps keep separate comments
 * instead of overwriting each other's.
 */
export function commentMarker(scope: string): string {
  const key = scope.replace(/[^\w ./:|-]/g, '_').slice(0, 200)
  return key ? `<!-- filestack-workflows-action ${key} -->` : COMMENT_MARKER
}

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536

const CUT_NOTE = `\n\n*(cut to fit GitHub's limit of ${MAX_COMMENT_LENGTH} characters per comment)*`

export type CommentOutcome = 'created' | 'updated' | 'not-permitted'

/** The body to send: the marker line, then `body`, cut to GitHub's limit. */
export function commentText(body: string, marker = COMMENT_MARKER): string {
  const text = body.startsWith(marker) ? body : `${marker}\n${body}`
  if (text.length <= MAX_COMMENT_LENGTH) return text

  let end = MAX_COMMENT_LENGTH - CUT_NOTE.length
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1
  return text.slice(0, end) + CUT_NOTE
}

/** What `upsertComment` reads of a listed comment. */
interface ListedComment {
  id: number
  body?: string
  user?: { type?: string } | null
}

/**
 * The action's earlier comment: one by a bot that starts with the marker.
 * Only bots count because a person cannot post as one, so a comment of
 * someone else that carries the marker is never overwritten.
 */
function earlierComment(comments: ListedComment[], marker: string): ListedComment | undefined {
  return comments.find(
    (comment) => comment.user?.type === 'Bot' && comment.body?.split('\n')[0] === marker
  )
}

/**
 * Posts `body` on the pull request, or replaces the action's earlier
 * comment there so that re-runs keep one comment up to date. The earlier
 * comment is one that starts with the marker and whose author is a bot,
 * as github-actions[bot] and GitHub Apps are: comments of people are
 * never changed, even when they start with the marker. With a personal
 * access token the action comments as a person, so each run adds a new
 * comment. A 403 other than a rate limit means the token may not comment
 * (as for pull requests from forks) and gives 'not-permitted'. `signal`
 * ends the calls, so a GitHub API that stops answering cannot hold the run.
 */
export async function upsertComment(
  token: string,
  pr: PullRequest,
  body: string,
  signal?: AbortSignal,
  marker = COMMENT_MARKER
): Promise<CommentOutcome> {
  const started = Date.now()
  const where = describePullRequest(pr)
  const issue = { owner: pr.owner, repo: pr.repo, issue_number: pr.number }
  let action = `Reading the comments of pull request ${where}`
  try {
    const octokit = await gitHubClient(token, signal)
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...issue,
      per_page: 100
    })
    const earlier = earlierComment(comments, marker)
    if (earlier) {
      action = `Updating comment ${earlier.id} on pull request ${where}`
      const update = { owner: pr.owner, repo: pr.repo, comment_id: earlier.id }
      // Another bot's comment with the marker cannot be edited: a new comment is posted instead.
      const updated = await octokit.rest.issues.updateComment({ ...update, body: commentText(body, marker) }).then(
        () => true,
        (error: unknown) => {
          if (statusOf(error) === 403 && !isRateLimited(error)) return false
          throw error
        }
      )
      if (updated) return 'updated'
    }
    action = `Commenting on pull request ${where}`
    await octokit.rest.issues.createComment({ ...issue, body: commentText(body, marker) })
    return 'created'
  } catch (error) {
    const cutShort = cutShortError(action, error, signal, started)
    if (cutShort) throw cutShort
    if (statusOf(error) === 403 && !isRateLimited(error)) return 'not-permitted'
    throw gitHubApiError(action, error, token, 'pull-requests: write')
  }
}
