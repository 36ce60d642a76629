import {
  type FilestackServer,
  type JobRule,
  type RecordedRequest
} from '../../server/index.js'
import type { RunOptions } from '../../scripts/run-action.js'

export { inputsFor, runAction, useServer } from '../support/action.js'

/** `count` distinct URL sources. */
export function urls(count: number, name = 'asset'): string[] {
  return Array.from({ length: count }, (_, i) => `https://assets.example.com/scale/${name}-${i + 1}.png`)
}

/** One job rule per source, so each source runs for its own duration. */
export function rulesFor(sources: string[], durationMs: (i: number) => number): JobRule[] {
  return sources.map((source, i) => ({ match: source, durationMs: durationMs(i) }))
}

/** The lines the action wrote, without the mask and debug commands. */
export function logLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line !== '' && !/^::(add-mask|debug)::/.test(line))
}

/**
 * Notes when each log line first appeared, in milliseconds since `watch`
 * was called. Uses the runner's signal hook without ever sending a signal.
 */
export function watchLines(): { signal: RunOptions['signal']; when: (pattern: string | RegExp) => number } {
  const started = Date.now()
  const seen: Array<{ line: string; at: number }> = []
  let length = 0
  return {
    signal: {
      name: 'SIGTERM',
      when: (stdout) => {
        const lines = stdout.split('\n').slice(0, -1)
        for (const line of lines.slice(length)) seen.push({ line, at: Date.now() - started })
        length = lines.length
        return false
      }
    },
    when: (pattern) => {
      const found = seen.find(({ line }) => (typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line)))
      return found ? found.at : NaN
    }
  }
}

/** The status checks of one job, found by its source, answered or not. */
export function requestsFor(server: FilestackServer, source: string): RecordedRequest[] {
  const job = [...server.jobs.values()].find((j) => j.source === source)
  const path = `/workflow_status=job_id:${job?.jobid}`
  return server.requests.filter((r) => r.call === 'status' && job !== undefined && r.rawPath.endsWith(path))
}

/** The sources of the run calls, in the order the server saw them. */
export function runSources(server: FilestackServer): string[] {
  return server.requests.filter((r) => r.call === 'run').map((r) => r.source ?? '')
}
