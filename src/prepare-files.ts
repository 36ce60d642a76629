import * as core from '@actions/core'
import { InputError, messageOf } from './errors.js'
import type { Http } from './http.js'
import type { FileInputs } from './inputs.js'
import type { Limiter } from './limiter.js'
import { changedFiles } from './changed-files.js'
import { findFiles, type LocalFile } from './local-files.js'
import { describePullRequest, pullRequestOf, timeLimited } from './pull-request.js'
import { MAX_SOURCES, selectShard, type Shard } from './source-list.js'
import type { Source } from './sources.js'
import type { StartFailure } from './start-jobs.js'
import { uploadFile, type UploadTarget } from './upload.js'
import type { RetryOptions } from './retry.js'
import { logLine } from './log.js'

/** Uploaded files as sources, and the files that could not be uploaded. */
export interface PreparedFiles {
  sources: Source[]
  /** Handle → workspace path, for reports. */
  files: Map<string, string>
  failures: StartFailure[]
}

export interface PrepareOptions {
  inputs: FileInputs
  workspace: string
  shard?: Shard
  githubToken: string
  http: Http
  limiter: Limiter
  target: UploadTarget
  retry: Omit<RetryOptions, 'label' | 'idempotent'>
}

/** Finds the files to check, narrows them to the pull request's changes if asked, and uploads them. */
export async function prepareFiles(options: PrepareOptions): Promise<PreparedFiles> {
  const { inputs, workspace } = options
  let files = await findFiles(inputs.patterns, workspace)
  if (files.length === 0 && !inputs.allowNoFiles) {
    throw new InputError('files', 'matched no files; check the patterns, or set allow-no-files to true')
  }
  if (inputs.changedOnly) files = await keepChanged(files, options.githubToken, options.retry)
  if (options.shard) files = selectShard(files, options.shard)
  if (files.length > MAX_SOURCES) {
    throw new InputError('files', `${files.length} files in one run; the most is ${MAX_SOURCES}, so split them with the shard input`)
  }
  if (files.length === 0) logLine('No files to check.')

  logLine(`Uploading ${files.length} file(s) to ${inputs.uploadUrl}`)
  const prepared: PreparedFiles = { sources: [], files: new Map(), failures: [] }
  const outcomes = await Promise.all(files.map((file) => upload(file, options)))
  outcomes.forEach((outcome, i) => {
    if (typeof outcome === 'string') {
      prepared.sources.push({ text: outcome, kind: 'handle' })
      prepared.files.set(outcome, files[i].path)
    } else {
      prepared.failures.push(outcome)
    }
  })
  return prepared
}

async function upload(file: LocalFile, options: PrepareOptions): Promise<string | StartFailure> {
  try {
    const handle = await options.limiter.run(() => uploadFile(options.http, options.target, file, options.retry))
    logLine(`Uploaded ${file.path} as ${handle}`)
    return handle
  } catch (error) {
    return { source: file.path, message: messageOf(error) }
  }
}

/** The part of the retry options that bounds the run: its deadline and its cancel signal. */
type RunBounds = Pick<RetryOptions, 'deadline' | 'signal'>

/**
 * Outside a pull request there is nothing to narrow to: every matched file
 * is kept. Reading the pull request's files ends at the run's deadline or
 * on a cancel; it gets at least a second, so that a run close to its
 * deadline still tries once rather than failing without asking GitHub.
 */
async function keepChanged(files: LocalFile[], token: string, bounds: RunBounds): Promise<LocalFile[]> {
  const { context } = await import('@actions/github')
  const pr = pullRequestOf(context)
  if (!pr) {
    logLine('changed-only: this run is not for a pull request, so every matched file is checked.')
    return files
  }
  const signal = timeLimited(Math.max(1000, bounds.deadline - Date.now()), bounds.signal)
  const changed = await changedFiles(token, pr, signal)
  if (!changed) {
    core.warning(`changed-only: ${describePullRequest(pr)} lists 3000 files or more, as many as GitHub shows, so its changes cannot be told apart; every matched file is checked.`)
    return files
  }
  const kept = files.filter((file) => changed.has(file.path))
  logLine(`changed-only: ${kept.length} of ${files.length} matched file(s) are added or modified by ${describePullRequest(pr)}`)
  return kept
}
