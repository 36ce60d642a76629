import * as core from '@actions/core'
import { InputError, messageOf } from './errors.js'
import type { Http } from './http.js'
import type { FileInputs } from './inputs.js'
import type { Limiter } from './limiter.js'
import { findFiles, type LocalFile } from './local-files.js'
import { selectShard, type Shard } from './source-list.js'
import type { Source } from './sources.js'
import type { StartFailure } from './start-jobs.js'
import { uploadFile, type UploadTarget } from './upload.js'
import type { RetryOptions } from './retry.js'

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
  if (inputs.changedOnly) files = await keepChanged(files, options.githubToken)
  if (options.shard) files = selectShard(files, options.shard)
  if (files.length === 0) core.info('No files to check.')

  core.info(`Uploading ${files.length} file(s) to ${inputs.uploadUrl}`)
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
    core.info(`Uploaded ${file.path} as ${handle}`)
    return handle
  } catch (error) {
    return { source: file.path, message: messageOf(error) }
  }
}

/** Outside a pull request there is nothing to narrow to: every matched file is kept. */
async function keepChanged(files: LocalFile[], token: string): Promise<LocalFile[]> {
  const { context } = await import('@actions/github')
  const { pullRequestOf, describePullRequest } = await import('./pull-request.js')
  const pr = pullRequestOf(context)
  if (!pr) {
    core.info('changed-only: this run is not for a pull request, so every matched file is checked.')
    return files
  }
  const { changedFiles } = await import('./changed-files.js')
  const changed = await changedFiles(token, pr)
  const kept = files.filter((file) => changed.has(file.path))
  core.info(`changed-only: ${kept.length} of ${files.length} matched file(s) are added or modified by ${describePullRequest(pr)}`)
  return kept
}
