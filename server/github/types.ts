/** A pull request or issue: `owner/repo#number`. */
export type IssueKey = string

export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed'

/** One entry of a pull request's file list, as seeded. */
export interface PullFile {
  filename: string
  status: FileStatus
  /** The old path of a renamed file. */
  previous_filename?: string
}

export interface CommentUser {
  login: string
  type: 'Bot' | 'User'
}

/** An issue comment as stored and served. */
export interface IssueComment {
  id: number
  body: string
  user: CommentUser
  html_url: string
  created_at: string
  updated_at: string
}

/** A comment to seed; the author defaults to the Actions bot. */
export interface SeedComment {
  body: string
  user?: CommentUser
}

export interface RecordedRequest {
  method: string
  /** The path without the query string. */
  path: string
  query: Record<string, string>
  /** Whether an `authorization` header came with the request. */
  authorized: boolean
  /** 0 while unanswered. */
  status: number
}

export interface GitHubServerOptions {
  /** Files of each pull request; a pull request not listed answers 404. */
  pullFiles?: Record<IssueKey, PullFile[]>
  /** Comments already on each issue or pull request. */
  comments?: Record<IssueKey, SeedComment[]>
  /** Writes answer 403, as for the token of a pull request from a fork. */
  readOnly?: boolean
  /** Tokens the server accepts; absent = any token. */
  tokens?: string[]
  /** Answers each request after this many ms; Infinity never answers. 0 by default. */
  stallMs?: number
}

export interface GitHubServer {
  url: string
  requests: RecordedRequest[]
  /** Writes answer 403 while this is true. */
  readOnly: boolean
  /**
   * Requests that arrive while this is set are answered after this many
   * ms, as by a GitHub API that stalls; Infinity never answers. 0 answers
   * at once.
   */
  stallMs: number
  setPullFiles(key: IssueKey, files: PullFile[]): void
  addComment(key: IssueKey, comment: SeedComment): IssueComment
  /** The comments of an issue, oldest first. */
  comments(key: IssueKey): IssueComment[]
  close(): Promise<void>
}
