import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { serve } from './dispatch.js'
import { GitHubState } from './state.js'
import type { GitHubServer, GitHubServerOptions, RecordedRequest } from './types.js'

export { ACTIONS_BOT } from './state.js'
export { MAX_COMMENT_LENGTH } from './handlers.js'
export type {
  CommentUser,
  FileStatus,
  GitHubServer,
  GitHubServerOptions,
  IssueComment,
  IssueKey,
  PullFile,
  RecordedRequest,
  SeedComment
} from './types.js'

const HOST = '127.0.0.1'

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, HOST, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
}

/**
 * Starts a server on loopback that answers the GitHub REST calls the
 * action makes about a pull request: its files and its comments.
 */
export async function startGitHubServer(
  options: GitHubServerOptions = {}
): Promise<GitHubServer> {
  const state = new GitHubState(options)
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    serve(state, requests, req, res).catch(() => res.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  state.url = `http://${HOST}:${await listen(server)}`
  for (const [key, comments] of Object.entries(options.comments ?? {})) {
    for (const comment of comments) state.addComment(key, comment)
  }

  return {
    url: state.url,
    requests,
    get readOnly() {
      return state.readOnly
    },
    set readOnly(value: boolean) {
      state.readOnly = value
    },
    get stallMs() {
      return state.stallMs
    },
    set stallMs(value: number) {
      state.stallMs = value
    },
    setPullFiles: (key, files) => void state.pullFiles.set(key, files),
    addComment: (key, comment) => state.addComment(key, comment),
    comments: (key) => state.commentsOf(key).map((comment) => ({ ...comment })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}
