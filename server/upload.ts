import { randomInt } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { authorize } from './access.js'
import { refuseSize } from './access.js'
import { json, text, type Reply } from './reply.js'
import type { ServerState } from './state.js'

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024
const ALPHANUMERIC =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomText(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(62)]
  return out
}

function newHandle(uploads: Map<string, Buffer>): string {
  let handle = randomText(20)
  while (uploads.has(handle)) handle = randomText(20)
  return handle
}

/** The whole body, or undefined once it grows past the limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk)
  }
  return size <= MAX_UPLOAD_BYTES ? Buffer.concat(chunks) : undefined
}

function storageKey(filename: string, path: string | null): string {
  const name = `${randomText(22)}_${filename}`
  if (!path) return name
  return path.endsWith('/') ? `${path}${name}` : path
}

function mediaType(req: IncomingMessage, query: URLSearchParams): string {
  const header = req.headers['content-type']?.split(';')[0].trim()
  return query.get('mimetype') || header || 'application/octet-stream'
}

/**
 * POST /api/store/<location>?key=..&policy=..&signature=.. with the raw
 * bytes as the body. A missing or unknown key is answered like the v1
 * File API does: 200 with a plain-text body.
 */
export async function handleUpload(
  state: ServerState,
  req: IncomingMessage,
  rawPath: string
): Promise<Reply> {
  const query = new URLSearchParams(rawPath.split('?').slice(1).join('?'))
  const body = await readBody(req)
  const apiKey = query.get('key') ?? ''
  if (!state.isKnownApp(apiKey)) return text(200, 'Invalid Application')
  const policy = query.get('policy')
  const signature = query.get('signature')
  const credentials =
    policy && signature ? { policy, signature } : undefined
  const auth = authorize(state, apiKey, credentials, 'upload')
  if (!auth.ok) return auth.reply
  if (!body) return text(413, 'file is too large')
  const refusal = refuseSize(auth.policy, body.length)
  if (refusal) return text(403, refusal)
  const handle = newHandle(state.uploads)
  state.uploads.set(handle, body)
  const filename = query.get('filename') || 'untitled'
  state.uploadNames.set(handle, filename)
  return json(200, {
    url: `${state.url}/${handle}`,
    size: body.length,
    type: mediaType(req, query),
    filename,
    key: storageKey(filename, query.get('path')),
    container: 'local'
  })
}
