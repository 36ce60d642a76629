import { createReadStream } from 'node:fs'
import { timeLeft } from './deadline.js'
import type { Security } from './endpoints.js'
import { FilestackError } from './errors.js'
import type { Http, HttpResponse } from './http.js'
import type { LocalFile } from './local-files.js'
import { describeFailure, sendWithRetries, type RetryOptions } from './retry.js'

export interface UploadTarget {
  /** The File API's base URL (the `upload-url` input). */
  uploadUrl: string
  apiKey: string
  security: Security
}

/**
 * Stores one file with the File API's one-request call and returns its
 * handle: the last path segment of the `url` in the answer. A new read
 * stream is opened for every attempt. Like run_workflow, the call is sent
 * again only when it cannot have been received.
 */
export async function uploadFile(
  http: Http,
  target: UploadTarget,
  file: LocalFile,
  retry: Omit<RetryOptions, 'label' | 'idempotent'>
): Promise<string> {
  const url = storeUrl(target, file)
  const label = `upload of ${file.path}`
  const headers = { 'content-type': 'application/octet-stream', 'content-length': String(file.size) }
  const send = (): Promise<HttpResponse> =>
    http.post(url, createReadStream(file.absolute), headers, uploadTimeout(file.size, retry.deadline))
  const response = await sendWithRetries(send, {
    ...retry,
    label,
    idempotent: false,
    unansweredEffect: 'Filestack may have stored the file anyway, so it was not sent again: a second copy would be stored too. Re-run the step.'
  })
  return handleOf(response, label)
}

/**
 * 30 s, plus a second a megabyte, so slow links still finish a large
 * file; but never past the run's deadline (with the same 2 s of grace as
 * every request).
 */
function uploadTimeout(bytes: number, deadline: number): number {
  return Math.min(30_000 + bytes / 1000, timeLeft(deadline))
}

export function storeUrl({ uploadUrl, apiKey, security }: UploadTarget, file: LocalFile): string {
  const query = new URLSearchParams({
    key: apiKey,
    policy: security.policy,
    signature: security.signature,
    filename: file.path.split('/').pop() ?? file.path
  })
  return `${uploadUrl}/api/store/S3?${query}`
}

/** The handle in a store answer, or an error that says what came back instead. */
export function handleOf(response: HttpResponse, label: string): string {
  if (response.statusCode < 200 || response.statusCode >= 300) {
    const hint = response.statusCode === 403
      ? " Check that the policy allows the store call and has not expired, and that its signature was made with this application's secret."
      : ''
    throw new FilestackError(`${label} was refused with ${describeFailure(response)}.${hint}`, response.statusCode)
  }
  let url: unknown
  try {
    url = (JSON.parse(response.body) as { url?: unknown }).url
  } catch {
    url = undefined
  }
  const handle = typeof url === 'string' ? url.split('?')[0].split('/').pop() : undefined
  if (!handle || !/^[A-Za-z0-9_-]{20}$/.test(handle)) {
    throw new FilestackError(`${label} answered without a file URL: ${describeFailure(response)}. Check api-key and upload-url.`)
  }
  return handle
}
