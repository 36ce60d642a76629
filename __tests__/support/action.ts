import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type FilestackServer
} from '../../server/index.js'
import type { ActionRun } from '../../scripts/run-action.js'

export { runAction } from '../../scripts/run-action.js'

/** One local server for a test file, with no requests, rules, faults or limits left over between tests. */
export function useServer(): () => FilestackServer {
  let server: FilestackServer | undefined
  beforeAll(async () => {
    server = await startFilestackServer()
  })
  afterAll(() => server?.close())
  beforeEach(() => {
    server!.requests.length = 0
    server!.maxInFlight = 0
    server!.configure({ jobRules: [], faults: [], rateLimit: undefined })
  })
  return () => server!
}

/** Inputs for a run against the local server, signed with the demo secret. */
export function inputsFor(server: FilestackServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'workflow-id': DEMO_WORKFLOWS.moderation,
    'api-key': DEMO_API_KEY,
    'app-secret': DEMO_APP_SECRET,
    'base-url': server.url,
    'poll-interval': '0.1s',
    timeout: '30s',
    ...extra
  }
}

/** Everything a run left where a reader could see it. */
export function everythingShown(run: ActionRun): string {
  const file = run.outputs['results-file']
  const results = file ? readFileSync(file, 'utf8') : ''
  return [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), results].join('\n')
}

/** The lines the action wrote as error annotations. */
export function errors(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error'))
}

export function statusRequests(server: FilestackServer): number {
  return server.requests.filter((r) => r.call === 'status').length
}
