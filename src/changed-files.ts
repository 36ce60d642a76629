import {
  cutShortError,
  describePullRequest,
  gitHubApiError,
  gitHubClient,
  type PullRequest
} from './pull-request.js'

/** The most files GitHub lists for one pull request. */
export const MAX_LISTED = 3000

/** The largest page the pull request files API serves. */
const PER_PAGE = 100

/** File statuses whose path exists in the pull request's head. */
const PRESENT = new Set(['added', 'modified', 'renamed', 'changed', 'copied'])

/**
 * The paths a pull request adds or modifies, read page by page. A renamed
 * file counts under its new name; removed files are left out. `signal`
 * ends the reading, so a GitHub API that stops answering cannot hold the
 * run past its time limit.
 *
 * GitHub lists at most 3000 files of a pull request, so a list that long
 * may be cut short: then there is no telling which files changed, and the
 * answer is undefined rather than a set a pull request could hide a file
 * from.
 */
export async function changedFiles(
  token: string,
  pr: PullRequest,
  signal?: AbortSignal
): Promise<Set<string> | undefined> {
  const started = Date.now()
  const action = `Listing the files of pull request ${describePullRequest(pr)}`
  try {
    const octokit = await gitHubClient(token, signal)
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: PER_PAGE
    })
    if (files.length >= MAX_LISTED) return undefined
    const present = files.filter((file) => PRESENT.has(file.status))
    return new Set(present.map((file) => file.filename))
  } catch (error) {
    throw (
      cutShortError(action, error, signal, started) ??
      gitHubApiError(action, error, token, 'pull-requests: read')
    )
  }
}
