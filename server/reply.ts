import type { ServerResponse } from 'node:http'

/** An answer decided by a handler, written (or withheld) by the server. */
export interface Reply {
  statusCode: number
  headers: Record<string, string>
  body: string | Buffer
  /** Set by handlers that created a job, for the request log. */
  jobId?: string
  source?: string
}

export function text(statusCode: number, body: string): Reply {
  const headers = { 'Content-Type': 'text/plain; charset=utf-8' }
  return { statusCode, headers, body }
}

export function json(statusCode: number, value: unknown): Reply {
  const headers = { 'Content-Type': 'application/json' }
  return { statusCode, headers, body: JSON.stringify(value) }
}

export function html(statusCode: number, title: string): Reply {
  const headers = { 'Content-Type': 'text/html; charset=utf-8' }
  const body =
    '<!DOCTYPE html>\n<html><head><title>' +
    `${statusCode} ${title}</title></head>\n<body><h1>${title}</h1>` +
    '<p>The server encountered a temporary error.</p></body></html>\n'
  return { statusCode, headers, body }
}

export function write(
  res: ServerResponse,
  reply: Reply,
  extraHeaders: Record<string, string>
): void {
  const headers = { ...extraHeaders, ...reply.headers }
  res.writeHead(reply.statusCode, {
    ...headers,
    'Content-Length': String(Buffer.byteLength(reply.body))
  })
  res.end(reply.body)
}
