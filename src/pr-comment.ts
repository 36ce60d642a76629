import {
  describePullRequest,
  gitHubApiError,
  isRateLimited,
  statusOf,
  type PullRequest
} from './pull-request.js'

/** The first line of the action's comment, hidden when rendered; finds it again on the next run. */
export const COMMENT_MARKER = '<!-- filestack-workflows-action -->'

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536

const CUT_NOTE = `\n\n*(cut to fit GitHub's limit of ${MAX_COMMENT_LENGTH} characters per comment)*`

export type CommentOutcome = 'created' | 'updated' | 'not-permitted'

/** The body to send: the marker line, then `body`, cut to GitHub's limit. */
export function commentText(body: string): string {
  const text = body.startsWith(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`
  if (text.length <= MAX_COMMENT_LENGTH) return text

  let end = MAX_COMMENT_LENGTH - CUT_NOTE.length
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1
  return text.slice(0, end) + CUT_NOTE
}

/**
 * Posts `body` on the pull request, or replaces the action's earlier
 * comment there so that re-runs keep one comment up to date. Comments of
 * other people that quote the marker are left alone: only one that starts
 * with it counts. A 403 other than a rate limit means the token may not
 * comment (as for pull requests from forks) and gives 'not-permitted'.
 */
export async function upsertComment(
  token: string,
  pr: PullRequest,
  body: string
): Promise<CommentOutcome> {
  // Loaded here so that runs without a pull request never load the client.
  const github = await import('@actions/github')
  const where = describePullRequest(pr)
  const issue = { owner: pr.owner, repo: pr.repo, issue_number: pr.number }
  let action = `Reading the comments of pull request ${where}`
  try {
    const octokit = github.getOctokit(token)
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...issue,
      per_page: 100
    })
    const earlier = comments.find((comment) => comment.body?.startsWith(COMMENT_MARKER))
    if (earlier) {
      action = `Updating comment ${earlier.id} on pull request ${where}`
      const update = { owner: pr.owner, repo: pr.repo, comment_id: earlier.id }
      await octokit.rest.issues.updateComment({ ...update, body: commentText(body) })
      return 'updated'
    }
    action = `Commenting on pull request ${where}`
    await octokit.rest.issues.createComment({ ...issue, body: commentText(body) })
    return 'created'
  } catch (error) {
    if (statusOf(error) === 403 && !isRateLimited(error)) return 'not-permitted'
    throw gitHubApiError(action, error, token, 'pull-requests: write')
  }
}
