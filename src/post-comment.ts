import * as core from '@actions/core'
import { messageOf } from './errors.js'
import { escapeHtml } from './html.js'
import { commentMarker, upsertComment } from './pr-comment.js'
import { describePullRequest, pullRequestOf, timeLimited, type PullRequest } from './pull-request.js'
import { renderSummary, type SummaryInput } from './summary.js'
import { redactSecrets } from './secrets.js'

/** Room for the table within GitHub's 65,536 characters a comment. */
const COMMENT_BUDGET = 60_000

/** The comment may take this long; a GitHub API that stops answering then costs a warning. */
const COMMENT_TIMEOUT_MS = 10_000

/**
 * Posts the summary table on the pull request, replacing the action's
 * earlier comment there. Outside a pull request, or when the token may not
 * comment (pull requests from forks), it says so and the run goes on: the
 * check's result does not depend on the comment. `signal` is the run's:
 * once it aborts, the comment is given up, since the runner ends the step
 * soon after a cancel.
 */
export async function postComment(
  token: string,
  input: SummaryInput,
  signal?: AbortSignal,
  shard = ''
): Promise<void> {
  const { context } = await import('@actions/github')
  const pr = pullRequestOf(context)
  if (!pr) {
    core.info('comment: this run is not for a pull request, so no comment was posted.')
    return
  }
  if (signal?.aborted) {
    core.info('comment: the run was cancelled, so no comment was posted.')
    return
  }
  const table = redactSecrets(renderSummary({ ...input, sections: false, maxBytes: COMMENT_BUDGET }))
  await upsert(token, pr, `${table}\n${runLink()}`, timeLimited(COMMENT_TIMEOUT_MS, signal), scope(shard))
}

/** Where the comment comes from: the workflow, the job and the shard, each run keeping its own. */
function scope(shard: string): string {
  const { GITHUB_WORKFLOW = '', GITHUB_JOB = '' } = process.env
  return [GITHUB_WORKFLOW, GITHUB_JOB, shard].filter(Boolean).join('|')
}

/** Posts or updates the comment and logs the outcome; a failure is only a warning. */
async function upsert(token: string, pr: PullRequest, body: string, signal: AbortSignal, scope: string): Promise<void> {
  try {
    const outcome = await upsertComment(token, pr, body, signal, commentMarker(scope))
    if (outcome === 'not-permitted') {
      core.warning(`comment: the token may not comment on ${describePullRequest(pr)} (as for pull requests from forks); the results are in the job summary.`)
    } else {
      core.info(`comment: ${outcome} the comment on ${describePullRequest(pr)}`)
    }
  } catch (error) {
    core.warning(`comment: ${messageOf(error)}`)
  }
}

/** A link to this workflow run, where the full summary is. */
function runLink(): string {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = process.env
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return ''
  const url = `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
  return `<p><a href="${escapeHtml(url)}">Full results in the run's summary</a></p>`
}
