import * as core from '@actions/core'
import { parseDuration } from './duration.js'
import { InputError } from './errors.js'
import { parseSourceList, parseShard, type Shard } from './source-list.js'
import type { Source } from './sources.js'

/** Everything the action was asked to do, checked once, before any request. */
export interface Config {
  workflowId: string
  sources: Source[]
  apiKey?: string
  credentials: Credentials
  wait: boolean
  /** Deadline for the whole run, in milliseconds. */
  timeoutMs: number
  /** Shortest pause between two status checks of one job, in milliseconds. */
  pollIntervalMs: number
  /** Most requests in flight at once. */
  concurrency: number
  shard?: Shard
  baseUrl: string
  summary: boolean
}

/** Either an app secret to sign with, or a policy signed elsewhere. */
export type Credentials =
  | { kind: 'secret'; appSecret: string }
  | { kind: 'signed'; policy: string; signature: string }

export type InputReader = (name: string) => string

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const API_KEY = /^[A-Za-z0-9_-]{1,128}$/
const HEX_SIGNATURE = /^[0-9a-f]{64}$/i
const MAX_TIMEOUT_MS = 24 * 3600 * 1000

/** Reads and checks every input; throws one InputError naming the first bad one. */
export function readConfig(read: InputReader = core.getInput): Config {
  const workflowId = required(read, 'workflow-id')
  if (!UUID.test(workflowId)) {
    throw new InputError('workflow-id', 'expected a workflow UUID such as 67d273c3-249c-4192-b228-9c3e1d003963')
  }

  const shard = parseShard(read('shard'))
  const sources = parseSourceList(read('sources'), shard)
  const wait = readBoolean(read, 'wait', true)
  const apiKey = read('api-key') || undefined
  checkApiKey(apiKey, sources, wait)

  return {
    workflowId,
    sources,
    apiKey,
    credentials: readCredentials(read),
    wait,
    timeoutMs: readDuration(read, 'timeout', '15m', 1000, MAX_TIMEOUT_MS),
    pollIntervalMs: readDuration(read, 'poll-interval', '1s', 100, 600_000),
    concurrency: readInteger(read, 'concurrency', 10, 1, 100),
    shard,
    baseUrl: readBaseUrl(read('base-url') || 'https://cdn.filestackcontent.com'),
    summary: readBoolean(read, 'summary', true)
  }
}

function required(read: InputReader, name: string): string {
  const value = read(name)
  if (!value) throw new InputError(name, 'is required')
  return value
}

function checkApiKey(apiKey: string | undefined, sources: Source[], wait: boolean): void {
  if (apiKey !== undefined && !API_KEY.test(apiKey)) {
    throw new InputError('api-key', 'may hold only letters, digits, - and _')
  }
  if (apiKey) return

  const external = sources.find((source) => source.kind !== 'handle')
  if (external) {
    throw new InputError('api-key', `is required for URL and storage-alias sources such as ${external.text}`)
  }
  if (wait) {
    throw new InputError('api-key', 'is required to check job status; set it, or set wait to false')
  }
}

function readCredentials(read: InputReader): Credentials {
  const appSecret = read('app-secret')
  const policy = read('policy')
  const signature = read('signature')

  if (appSecret && (policy || signature)) {
    throw new InputError('app-secret', 'give either app-secret or policy and signature, not both')
  }
  if (appSecret) return { kind: 'secret', appSecret }
  if (!policy && !signature) {
    throw new InputError('app-secret', 'is required unless policy and signature are given (Filestack Workflows need a signed policy)')
  }
  if (!policy) throw new InputError('policy', 'is required when signature is given')
  if (!signature) throw new InputError('signature', 'is required when policy is given')
  if (!HEX_SIGNATURE.test(signature)) {
    throw new InputError('signature', 'expected 64 hexadecimal characters (HMAC-SHA256)')
  }
  return { kind: 'signed', policy, signature: signature.toLowerCase() }
}

function readBoolean(read: InputReader, name: string, fallback: boolean): boolean {
  const value = read(name).toLowerCase()
  if (value === '') return fallback
  if (value === 'true' || value === 'false') return value === 'true'
  throw new InputError(name, 'expected true or false')
}

function readDuration(
  read: InputReader,
  name: string,
  fallback: string,
  minMs: number,
  maxMs: number
): number {
  const text = read(name) || fallback
  const ms = parseDuration(text)
  if (ms === undefined) {
    throw new InputError(name, 'expected seconds, or a number with s, m or h (e.g. 90, 30s, 15m, 1h)')
  }
  if (ms < minMs || ms > maxMs) {
    throw new InputError(name, `must be between ${minMs / 1000}s and ${maxMs / 1000}s`)
  }
  return ms
}

function readInteger(read: InputReader, name: string, fallback: number, min: number, max: number): number {
  const text = read(name)
  if (text === '') return fallback
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!(value >= min && value <= max)) {
    throw new InputError(name, `expected a whole number from ${min} to ${max}`)
  }
  return value
}

function readBaseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError('base-url', 'is not a valid URL')
  }
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError('base-url', 'must use https (plain http is allowed only on loopback)')
  }
  if (url.username || url.password || url.search || url.hash || text.includes('?') || text.includes('#')) {
    throw new InputError('base-url', 'must not carry credentials, a query string or a fragment')
  }
  return text.replace(/\/+$/, '')
}
