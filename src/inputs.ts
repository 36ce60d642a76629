import * as core from '@actions/core'
import { InputError } from './errors.js'
import { JOB_ID } from './filestack.js'
import {
  readBoolean,
  readDuration,
  readInteger,
  readLines,
  readServiceUrl,
  required,
  type InputReader
} from './input-readers.js'
import { ruleSyntaxError } from './rules.js'
import { parseShard, parseSourceList, type Shard } from './source-list.js'
import type { Source } from './sources.js'
import { quote } from './plain-text.js'

export type { InputReader }

/** Everything the action was asked to do, checked once, before any request. */
export interface Config {
  workflowId: string
  sources: Source[]
  /** Local files to upload and run the workflow on. */
  files?: FileInputs
  /** Jobs started earlier, to wait for instead of starting new ones. */
  jobIds?: string[]
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
  /** A JMESPath expression; a job for which it is truthy fails the step. */
  failIf?: string
  comment: boolean
  githubToken: string
}

export interface FileInputs {
  /** Glob patterns, one a line; `!pattern` excludes. */
  patterns: string[]
  uploadUrl: string
  changedOnly: boolean
  allowNoFiles: boolean
}

/** Either an app secret to sign with, or a policy signed elsewhere. */
export type Credentials =
  | { kind: 'secret'; appSecret: string }
  | { kind: 'signed'; policy: string; signature: string }

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
  const jobIds = readJobIds(read)
  const files = readFiles(read)
  const hasSources = readLines(read, 'sources').length > 0
  const sources = hasSources ? parseSourceList(read('sources'), shard) : []
  checkSomethingToDo(hasSources, files, jobIds)

  const wait = readBoolean(read, 'wait', true)
  const apiKey = read('api-key') || undefined
  checkApiKey(apiKey, sources, { files, jobIds, wait })
  const comment = readBoolean(read, 'comment', false)
  const githubToken = read('github-token')
  if ((comment || files?.changedOnly) && !githubToken) {
    throw new InputError('github-token', 'is required for comment and changed-only')
  }

  const failIf = readRule(read)
  if (failIf && !wait) throw new InputError('fail-if', 'judges finished jobs, so it needs wait: true')

  return {
    workflowId,
    sources,
    files,
    jobIds,
    apiKey,
    credentials: readCredentials(read),
    wait,
    timeoutMs: readDuration(read, 'timeout', '15m', 1000, MAX_TIMEOUT_MS),
    pollIntervalMs: readDuration(read, 'poll-interval', '1s', 100, 600_000),
    concurrency: readInteger(read, 'concurrency', 10, 1, 100),
    shard,
    baseUrl: readServiceUrl(read, 'base-url', 'https://cdn.filestackcontent.com'),
    summary: readBoolean(read, 'summary', true),
    failIf,
    comment,
    githubToken
  }
}

function readFiles(read: InputReader): FileInputs | undefined {
  const patterns = readLines(read, 'files')
  const changedOnly = readBoolean(read, 'changed-only', false)
  const allowNoFiles = readBoolean(read, 'allow-no-files', false)
  const uploadUrl = readServiceUrl(read, 'upload-url', 'https://www.filestackapi.com')
  if (patterns.length === 0) {
    if (changedOnly) throw new InputError('changed-only', 'applies to files; set the files input too')
    return undefined
  }
  return { patterns, uploadUrl, changedOnly, allowNoFiles }
}

/**
 * One a line, or the JSON array of a `job-ids` output passed on as it is;
 * an empty array (from a step that started nothing) leaves nothing to do.
 */
function readJobIds(read: InputReader): string[] | undefined {
  const json = read('job-ids').startsWith('[')
  const ids = json ? parseJsonList(read('job-ids')) : readLines(read, 'job-ids')
  if (ids.length === 0) return json ? [] : undefined
  const bad = ids.find((id) => !JOB_ID.test(id))
  if (bad !== undefined) {
    throw new InputError('job-ids', `${quote(bad)} is not a job ID (letters, digits, - and _ only)`)
  }
  if (new Set(ids).size !== ids.length) throw new InputError('job-ids', 'lists a job twice')
  return ids
}

function parseJsonList(text: string): string[] {
  try {
    const list: unknown = JSON.parse(text)
    if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return list
  } catch {
    // Reported below, the same way as any other malformed list.
  }
  throw new InputError('job-ids', 'starts with [ but is not a JSON array of job IDs')
}

/** Sharding may leave a runner nothing to do; that is fine, an empty list is not. */
function checkSomethingToDo(hasSources: boolean, files?: FileInputs, jobIds?: string[]): void {
  if (jobIds && (hasSources || files)) {
    throw new InputError('job-ids', 'waits for jobs started earlier; leave sources and files empty with it')
  }
  if (!jobIds && !files && !hasSources) {
    throw new InputError('sources', 'is required: give one handle, URL or src://ALIAS/PATH a line (or files, or job-ids)')
  }
}

function checkApiKey(
  apiKey: string | undefined,
  sources: Source[],
  { files, jobIds, wait }: { files?: FileInputs; jobIds?: string[]; wait: boolean }
): void {
  if (apiKey !== undefined && !API_KEY.test(apiKey)) {
    throw new InputError('api-key', 'may hold only letters, digits, - and _')
  }
  if (apiKey) return

  const external = sources.find((source) => source.kind !== 'handle')
  if (external) {
    throw new InputError('api-key', `is required for URL and storage-alias sources such as ${external.text}`)
  }
  if (files) throw new InputError('api-key', 'is required to upload files')
  if (jobIds) throw new InputError('api-key', 'is required to check the status of jobs started earlier')
  if (wait) throw new InputError('api-key', 'is required to check job status; set it, or set wait to false')
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

function readRule(read: InputReader): string | undefined {
  const rule = read('fail-if')
  if (!rule) return undefined
  const error = ruleSyntaxError(rule)
  if (error) throw new InputError('fail-if', `is not a valid JMESPath expression: ${error}`)
  return rule
}
