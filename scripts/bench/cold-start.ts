import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type FilestackServer
} from '../../server/index.js'
import { ACTION, NODE24, runAction } from '../run-action.js'

/** What a bare Node 24 process does: one GET with node:http, nothing else. */
const BARE = "require('node:http').get(process.argv[1], (res) => res.resume())"

export interface ColdStart {
  /** Process start to the first request the server saw, per round. */
  actionMs: number[]
  bareMs: number[]
}

/**
 * Times the start of `dist/index.js` under Node 24 (one handle, no wait)
 * against a bare Node 24 process, alternating, `rounds` times each.
 */
export async function coldStart(rounds: number): Promise<ColdStart> {
  const server = await startFilestackServer()
  const result: ColdStart = { actionMs: [], bareMs: [] }
  try {
    for (let i = 0; i < rounds; i++) {
      result.actionMs.push(await timeAction(server))
      result.bareMs.push(await timeBare(server))
    }
  } finally {
    await server.close()
  }
  return result
}

async function timeAction(server: FilestackServer): Promise<number> {
  server.requests.length = 0
  const started = Date.now()
  await runAction({
    inputs: {
      'workflow-id': DEMO_WORKFLOWS.moderation,
      sources: 'pR4oeS63QLmYIFNs2ZvZ',
      'api-key': DEMO_API_KEY,
      'app-secret': DEMO_APP_SECRET,
      'base-url': server.url,
      wait: 'false',
      summary: 'false'
    },
    killAfterMs: 20_000
  })
  return firstRequest(server, started)
}

function timeBare(server: FilestackServer): Promise<number> {
  server.requests.length = 0
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(NODE24, ['-e', BARE, `${server.url}/cold-start`], { stdio: 'ignore' })
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('error', reject)
    child.on('close', () => {
      clearTimeout(killer)
      resolve(firstRequest(server, started))
    })
  })
}

function firstRequest(server: FilestackServer, started: number): number {
  const first = server.requests[0]
  if (!first) throw new Error('the process sent no request')
  return first.at - started
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** dist/index.js, and the chunks next to it that it loads only when needed. */
export function distSizes(): { indexBytes: number; chunkBytes: number; chunks: number } {
  const dir = join(ACTION, '..')
  const chunks = readdirSync(dir).filter((name) => /^\d+\.index\.js$/.test(name))
  return {
    indexBytes: statSync(ACTION).size,
    chunkBytes: chunks.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0),
    chunks: chunks.length
  }
}
