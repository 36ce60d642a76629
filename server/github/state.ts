import type {
  CommentUser,
  GitHubServerOptions,
  IssueComment,
  IssueKey,
  PullFile,
  SeedComment
} from './types.js'

/** The author of comments written with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT: CommentUser = { login: 'github-actions[bot]', type: 'Bot' }

/** Pull request files and issue comments, kept in memory. */
export class GitHubState {
  readonly pullFiles = new Map<IssueKey, PullFile[]>()
  readonly issueComments = new Map<IssueKey, IssueComment[]>()
  readOnly: boolean
  stallMs: number
  readonly tokens?: Set<string>
  url = ''
  private nextId = 1_000_001

  constructor(options: GitHubServerOptions) {
    this.readOnly = options.readOnly ?? false
    this.stallMs = options.stallMs ?? 0
    if (options.tokens) this.tokens = new Set(options.tokens)
    for (const [key, files] of Object.entries(options.pullFiles ?? {})) {
      this.pullFiles.set(key, files)
    }
  }

  acceptsToken(token: string): boolean {
    return this.tokens === undefined || this.tokens.has(token)
  }

  commentsOf(key: IssueKey): IssueComment[] {
    return this.issueComments.get(key) ?? []
  }

  addComment(key: IssueKey, seed: SeedComment): IssueComment {
    const id = this.nextId++
    const now = new Date().toISOString()
    const comment: IssueComment = {
      id,
      body: seed.body,
      user: seed.user ?? ACTIONS_BOT,
      html_url: `${this.url}/${key.replace('#', '/issues/')}#issuecomment-${id}`,
      created_at: now,
      updated_at: now
    }
    this.issueComments.set(key, [...this.commentsOf(key), comment])
    return comment
  }

  findComment(id: number): IssueComment | undefined {
    for (const comments of this.issueComments.values()) {
      const found = comments.find((comment) => comment.id === id)
      if (found) return found
    }
    return undefined
  }
}
