import { expect } from '@jest/globals'
import { createHmac } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, connect, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEMO_APP_SECRET,
  type FaultRule,
  type FilestackServer
} from '../../server/index.js'
import type { ActionRun, RunOptions } from '../../scripts/run-action.js'
import { errors, everythingShown } from './action.js'

export { errors, inputsFor, runAction, useServer } from './action.js'

export const HANDLE = 'pR4oeS63QLmYIFNs2ZvZ'
export const URL_SOURCE = 'https://assets.example.com/products/sneaker.png'

/** A fault on one call, answered with `Retry-After: 0` so that a retry comes at once. */
export function quickFault(call: 'run' | 'status', kind: FaultRule['kind'], statusCode?: number): FaultRule {
  return { call, kind, statusCode, headers: { 'Retry-After': '0' } }
}

/** How many requests of one call the server recorded, answered or not. */
export function count(server: FilestackServer, call: 'run' | 'status'): number {
  return server.requests.filter((r) => r.call === call).length
}

/** A policy signed with the demo secret, as a user would sign one elsewhere. */
export function signedPolicy(
  fields: Record<string, unknown> = {},
  secret = DEMO_APP_SECRET
): { policy: string; signature: string } {
  const json = JSON.stringify({ expiry: Math.floor(Date.now() / 1000) + 3600, ...fields })
  const policy = Buffer.from(json).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')
  const signature = createHmac('sha256', secret).update(policy).digest('hex')
  return { policy, signature }
}

/** The app secret, and the policy and signature the action sent, as the server saw them. */
export function secretsOf(server: FilestackServer, extra: string[] = []): string[] {
  const secrets = [DEMO_APP_SECRET, ...extra]
  for (const request of server.requests) {
    const match = /security=p:([^,/]+),s:([^/]+)/.exec(request.rawPath)
    if (match) secrets.push(match[1], match[2])
  }
  return [...new Set(secrets)]
}

/**
 * Fails the test when a secret shows anywhere a reader could see it
 * (log, outputs, summary, results file), apart from the mask commands
 * that hide it.
 */
export function expectNoSecretShown(run: ActionRun, secrets: string[]): void {
  const shown = everythingShown(run)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of secrets) {
    expect(shown.includes(secret) ? `shown: ${secret}` : 'hidden').toBe('hidden')
  }
}

interface JobRecord {
  jobid: string
  status: string
  source: string
  results?: unknown
  error?: string
}

/**
 * The results file holds every job whose ID was published, in order, each
 * with its last answer in full (results included once finished).
 */
export function expectCompleteResultsFile(run: ActionRun, server: FilestackServer): JobRecord[] {
  const file = run.outputs['results-file']
  expect(file).toBeTruthy()
  const records = JSON.parse(readFileSync(file, 'utf8')) as JobRecord[]
  const ids = JSON.parse(run.outputs['job-ids']) as string[]
  expect(records.map((r) => r.jobid)).toEqual(ids)
  for (const record of records) {
    const job = server.jobs.get(record.jobid)
    expect(job).toBeDefined()
    expect(record.source).toBe(job!.source)
    if (record.status === 'Finished') expect(record.results).toEqual(expect.any(Object))
  }
  return records
}

/** The one-line notes of retries: what failed, the attempt to come, and the wait. */
export function retryLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => /; attempt \d+ of \d+ in /.test(line))
}

/** The one error annotation, decoded as the runner shows it. */
export function theError(run: ActionRun): string {
  const lines = errors(run)
  expect(lines).toHaveLength(1)
  return lines[0].replace(/^::error::/, '').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
}

/**
 * Calls `observe` with the log so far each time the action writes to it;
 * uses the runner's signal hook without ever sending a signal.
 */
export function onOutput(observe: (stdout: string) => void): RunOptions['signal'] {
  return {
    name: 'SIGTERM',
    when: (stdout) => {
      observe(stdout)
      return false
    }
  }
}

/** A port nothing listens on (for now). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return typeof address === 'object' && address ? address.port : 0
}

/**
 * A TCP relay on loopback in front of the local server. Closed, it refuses
 * connections (ECONNREFUSED); `drop` cuts the open ones, so the next
 * request needs a new connection (and a new host name lookup).
 */
export class Gate {
  private server?: Server
  private readonly sockets = new Set<Socket>()

  private constructor(readonly port: number, private readonly target: number) {}

  static async before(server: FilestackServer, open: boolean): Promise<Gate> {
    const gate = new Gate(await freePort(), Number(new URL(server.url).port))
    if (open) await gate.open()
    return gate
  }

  url(host = '127.0.0.1'): string {
    return `http://${host}:${this.port}`
  }

  open(): Promise<void> {
    if (this.server) return Promise.resolve()
    const server = createServer((client) => this.relay(client))
    this.server = server
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
  }

  close(): Promise<void> {
    const server = this.server
    this.server = undefined
    this.drop()
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()))
  }

  drop(): void {
    for (const socket of this.sockets) socket.destroy()
  }

  private relay(client: Socket): void {
    const upstream = connect(this.target, '127.0.0.1')
    for (const [socket, other] of [[client, upstream], [upstream, client]]) {
      this.sockets.add(socket)
      socket.on('error', () => other.destroy())
      socket.on('close', () => {
        this.sockets.delete(socket)
        other.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  }
}

/** Loaded into the action's process: the listed host name lookups fail with `code`. */
const DNS_FAULTS = `
const dns = require('node:dns')
const original = dns.lookup
const failing = new Set(String(process.env.TEST_DNS_FAIL_LOOKUPS).split(',').map(Number))
const code = process.env.TEST_DNS_FAIL_CODE || 'ENOTFOUND'
let count = 0
dns.lookup = function lookup(hostname, options, callback) {
  count += 1
  if (!failing.has(count)) return original.apply(this, arguments)
  const done = typeof options === 'function' ? options : callback
  const error = Object.assign(new Error('getaddrinfo ' + code + ' ' + hostname), { code, syscall: 'getaddrinfo', hostname })
  process.nextTick(done, error)
}
`

let dnsFaultsFile: string | undefined

/**
 * Environment that makes the action's `lookups`-th host name lookups
 * (1-based) fail, as an unknown host or a resolver that is down would;
 * no lookup ever leaves the machine (only `localhost` is looked up).
 */
export function dnsFailures(lookups: number[], code: 'ENOTFOUND' | 'EAI_AGAIN'): Record<string, string> {
  if (!dnsFaultsFile) {
    dnsFaultsFile = join(mkdtempSync(join(tmpdir(), 'fs-dns-')), 'dns-faults.cjs')
    writeFileSync(dnsFaultsFile, DNS_FAULTS)
  }
  return {
    NODE_OPTIONS: `--require ${dnsFaultsFile}`,
    TEST_DNS_FAIL_LOOKUPS: lookups.join(','),
    TEST_DNS_FAIL_CODE: code
  }
}
