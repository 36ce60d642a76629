import { HttpClient } from '@actions/http-client'
import type { OutgoingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'

/** What came back from one request, with the body read as text. */
export interface HttpResponse {
  statusCode: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request that got no answer: refused, reset, timed out, unresolvable. */
export class NetworkError extends Error {
  readonly code: string

  constructor(code: string) {
    super(describeCode(code))
    this.name = 'NetworkError'
    this.code = code
  }
}

const USER_AGENT = 'filestack-workflows-action'

/**
 * Sends requests through the toolkit's client (which honours the runner's
 * proxy settings) with its own retries and redirects off: retrying is
 * decided by the caller, and a redirect must never carry the security
 * segment to another host.
 */
export class Http {
  private readonly client: HttpClient

  constructor(private readonly timeoutMs: number) {
    this.client = new HttpClient(USER_AGENT, [], {
      allowRetries: false,
      allowRedirects: false,
      keepAlive: true,
      socketTimeout: timeoutMs
    })
  }

  /** A GET, bounded by the usual timeout or `limitMs`, whichever is shorter. */
  get(url: string, limitMs = this.timeoutMs): Promise<HttpResponse> {
    return this.send('GET', url, undefined, {}, Math.min(this.timeoutMs, limitMs))
  }

  /** A POST with a streamed body; `timeoutMs` replaces the usual bound, for large bodies. */
  post(
    url: string,
    body: Readable,
    headers: OutgoingHttpHeaders,
    timeoutMs = this.timeoutMs
  ): Promise<HttpResponse> {
    return this.send('POST', url, body, headers, timeoutMs)
  }

  dispose(): void {
    this.client.dispose()
  }

  /** One request, bounded as a whole by the timeout, headers and body. */
  private async send(
    verb: string,
    url: string,
    body?: Readable,
    headers: OutgoingHttpHeaders = {},
    timeoutMs = this.timeoutMs
  ): Promise<HttpResponse> {
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NetworkError('ETIMEDOUT')), timeoutMs)
    })
    try {
      return await Promise.race([this.exchange(verb, url, body, headers), expired])
    } catch (error) {
      throw asNetworkError(error)
    } finally {
      clearTimeout(timer)
    }
  }

  private async exchange(
    verb: string,
    url: string,
    body: Readable | undefined,
    headers: OutgoingHttpHeaders
  ): Promise<HttpResponse> {
    const response = await this.client.request(verb, url, body ?? null, headers)
    const text = await response.readBody()
    return {
      statusCode: response.message.statusCode ?? 0,
      headers: response.message.headers,
      body: text
    }
  }
}

/**
 * Keeps only the error code: the client's own messages can quote the
 * request path, and with it the security segment.
 */
function asNetworkError(error: unknown): Error {
  if (error instanceof NetworkError) return error
  const code = (error as { code?: unknown })?.code
  if (typeof code === 'string') return new NetworkError(code)
  if (/timeout/i.test(String((error as Error)?.message))) {
    return new NetworkError('ETIMEDOUT')
  }
  return new NetworkError('EUNKNOWN')
}

function describeCode(code: string): string {
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection closed while sending',
    ETIMEDOUT: 'request timed out',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'host name lookup failed for now',
    UND_ERR_SOCKET: 'connection closed by the server',
    EUNKNOWN: 'request failed'
  }
  return `${known[code] ?? 'network error'} (${code})`
}
