import { describe, expect, it } from '@jest/globals'
import { NetworkError, type HttpResponse } from '../src/http.js'
import {
  DEFAULT_BACKOFF,
  isHtmlPage,
  isSafeToRepeat,
  isTransient,
  retryDelay,
  serverDelay,
  single,
  type Failure
} from '../src/retry-policy.js'

/** HTTP dates carry whole seconds, so the clock does too. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)

function answer(
  statusCode: number,
  headers: HttpResponse['headers'] = {},
  body = '{"error":"nope"}'
): HttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body }
}

const HTML_GATEWAY = answer(
  502,
  { 'content-type': 'text/html; charset=utf-8' },
  '<html><body>Bad gateway</body></html>'
)
const HTML_OK = answer(200, { 'content-type': 'text/plain' }, '<!DOCTYPE html>\n<html>')

const never = (): number => {
  throw new Error('random() must not be used for a delay the server asked for')
}

describe('isHtmlPage', () => {
  it.each([
    {
      name: 'an HTML content type',
      response: answer(200, { 'content-type': 'text/html' }, ''),
      html: true
    },
    {
      name: 'an HTML content type in capitals',
      response: answer(200, { 'content-type': 'TEXT/HTML; charset=UTF-8' }, ''),
      html: true
    },
    {
      name: 'a doctype body under another type',
      response: answer(200, {}, '  <!doctype html><p>x'),
      html: true
    },
    { name: 'an <html> body', response: answer(200, {}, '<html>'), html: true },
    { name: 'a JSON body', response: answer(200, {}, '{"jobid":"x"}'), html: false },
    {
      name: 'a JSON string that mentions html',
      response: answer(200, {}, '"<html>"'),
      html: false
    },
    { name: 'no content type', response: { statusCode: 200, headers: {}, body: 'ok' }, html: false }
  ])('says $name is an HTML page: $html', ({ response, html }) => {
    expect(isHtmlPage(response)).toBe(html)
  })
})

describe('isTransient', () => {
  const codes = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']
  it.each([...codes, 'EUNKNOWN'])('retries the network failure %s', (code) => {
    expect(isTransient(new NetworkError(code))).toBe(true)
  })

  it.each([408, 429, 500, 502, 503, 504])('retries a %i', (status) => {
    expect(isTransient(answer(status))).toBe(true)
  })

  it.each([400, 401, 403, 404, 405, 409, 410, 413, 422, 501])('does not retry a %i', (status) => {
    expect(isTransient(answer(status))).toBe(false)
  })

  it('retries an HTML page from a gateway', () => {
    expect(isTransient(HTML_GATEWAY)).toBe(true)
  })

  it('retries an HTML page sent with status 200', () => {
    expect(isTransient(HTML_OK)).toBe(true)
  })
})

describe('isSafeToRepeat', () => {
  it.each<{ name: string; failure: Failure; safe: boolean }>([
    { name: 'connection refused', failure: new NetworkError('ECONNREFUSED'), safe: true },
    { name: 'host not found', failure: new NetworkError('ENOTFOUND'), safe: true },
    { name: 'a failed lookup', failure: new NetworkError('EAI_AGAIN'), safe: true },
    { name: 'a 408', failure: answer(408), safe: true },
    { name: 'a 429', failure: answer(429), safe: true },
    { name: 'a 503', failure: answer(503), safe: true },
    { name: 'a reset connection', failure: new NetworkError('ECONNRESET'), safe: false },
    { name: 'a timeout', failure: new NetworkError('ETIMEDOUT'), safe: false },
    { name: 'a broken pipe', failure: new NetworkError('EPIPE'), safe: false },
    { name: 'an unknown network error', failure: new NetworkError('EUNKNOWN'), safe: false },
    { name: 'a 500', failure: answer(500), safe: false },
    { name: 'a 502', failure: answer(502), safe: false },
    { name: 'a 504', failure: answer(504), safe: false },
    { name: 'an HTML page from a gateway', failure: HTML_GATEWAY, safe: false },
    { name: 'an HTML page with status 200', failure: HTML_OK, safe: false },
    { name: 'a 403', failure: answer(403), safe: false }
  ])('for a call that must not run twice, $name is safe to repeat: $safe', ({ failure, safe }) => {
    expect(isSafeToRepeat(failure, false)).toBe(safe)
  })

  it.each<{ name: string; failure: Failure; safe: boolean }>([
    { name: 'a reset connection', failure: new NetworkError('ECONNRESET'), safe: true },
    { name: 'a timeout', failure: new NetworkError('ETIMEDOUT'), safe: true },
    { name: 'a 500', failure: answer(500), safe: true },
    { name: 'a 504', failure: answer(504), safe: true },
    { name: 'an HTML page', failure: HTML_GATEWAY, safe: true },
    { name: 'a 403', failure: answer(403), safe: false },
    { name: 'a 404', failure: answer(404), safe: false }
  ])('for a status check, $name is safe to repeat: $safe', ({ failure, safe }) => {
    expect(isSafeToRepeat(failure, true)).toBe(safe)
  })
})

describe('serverDelay', () => {
  it.each<{ name: string; response: HttpResponse; ms: number | undefined }>([
    { name: 'Retry-After in seconds', response: answer(503, { 'retry-after': '5' }), ms: 5000 },
    { name: 'Retry-After of zero', response: answer(503, { 'retry-after': '0' }), ms: 0 },
    { name: 'Retry-After with spaces', response: answer(503, { 'retry-after': ' 3 ' }), ms: 3000 },
    {
      name: 'Retry-After given twice',
      response: answer(503, { 'retry-after': ['2', '9'] }),
      ms: 2000
    },
    {
      name: 'Retry-After as an HTTP date',
      response: answer(503, { 'retry-after': new Date(NOW + 7000).toUTCString() }),
      ms: 7000
    },
    {
      name: 'Retry-After as a date in the past',
      response: answer(503, { 'retry-after': new Date(NOW - 7000).toUTCString() }),
      ms: 0
    },
    {
      name: 'Filestack-Reset on a 429',
      response: answer(429, { 'filestack-reset': String(NOW / 1000 + 12) }),
      ms: 12_000
    },
    {
      name: 'Filestack-Reset in the past on a 429',
      response: answer(429, { 'filestack-reset': String(NOW / 1000 - 12) }),
      ms: 0
    },
    {
      name: 'Retry-After before Filestack-Reset',
      response: answer(429, { 'retry-after': '2', 'filestack-reset': String(NOW / 1000 + 30) }),
      ms: 2000
    },
    {
      name: 'Filestack-Reset on a 503',
      response: answer(503, { 'filestack-reset': String(NOW / 1000 + 12) }),
      ms: undefined
    },
    {
      name: 'Filestack-Reset on a 500',
      response: answer(500, { 'filestack-reset': String(NOW / 1000 + 12) }),
      ms: undefined
    },
    {
      name: 'a Filestack-Reset that is not a number',
      response: answer(429, { 'filestack-reset': 'soon' }),
      ms: undefined
    },
    {
      name: 'a Retry-After that is not a number or date',
      response: answer(503, { 'retry-after': 'later' }),
      ms: undefined
    },
    { name: 'no headers', response: answer(503), ms: undefined }
  ])('reads $name', ({ response, ms }) => {
    expect(serverDelay(response, NOW)).toBe(ms)
  })

  it.each(['1.5', '-1', '1 2', 'in 5', '2m'])(
    'ignores a Retry-After of %j, which is neither whole seconds nor a date',
    (value) => {
      expect(serverDelay(answer(503, { 'retry-after': value }), NOW)).toBeUndefined()
    }
  )

  it('reads a Retry-After in the obsolete RFC 850 date form', () => {
    const value = 'Thursday, 15-Jan-26 12:00:09 GMT'
    expect(serverDelay(answer(503, { 'retry-after': value }), NOW)).toBe(9000)
  })
})

describe('retryDelay', () => {
  it('honours Retry-After without jitter', () => {
    expect(retryDelay(answer(503, { 'retry-after': '5' }), 1, NOW, never)).toBe(5000)
  })

  it('honours Filestack-Reset on a 429 without jitter', () => {
    const reset = String(NOW / 1000 + 20)
    expect(retryDelay(answer(429, { 'filestack-reset': reset }), 3, NOW, never)).toBe(20_000)
  })

  it('caps a delay the server asked for at maxServerMs', () => {
    const hour = answer(503, { 'retry-after': '3600' })
    expect(retryDelay(hour, 1, NOW, never)).toBe(DEFAULT_BACKOFF.maxServerMs)
  })

  it('caps an HTTP-date Retry-After far in the future', () => {
    const far = new Date(NOW + 24 * 3600 * 1000).toUTCString()
    expect(retryDelay(answer(429, { 'retry-after': far }), 1, NOW, never)).toBe(300_000)
  })

  it('uses the cap it is given', () => {
    const options = { ...DEFAULT_BACKOFF, maxServerMs: 10_000 }
    expect(retryDelay(answer(503, { 'retry-after': '30' }), 1, NOW, never, options)).toBe(10_000)
  })

  it('backs off on a 503 that carries only Filestack-Reset', () => {
    const reset = String(NOW / 1000 + 50)
    expect(retryDelay(answer(503, { 'filestack-reset': reset }), 1, NOW, () => 0)).toBe(500)
  })

  it.each([
    { attempt: 1, random: 0, ms: 500 },
    { attempt: 1, random: 1, ms: 1000 },
    { attempt: 1, random: 0.5, ms: 750 },
    { attempt: 2, random: 0, ms: 1000 },
    { attempt: 2, random: 1, ms: 2000 },
    { attempt: 3, random: 0, ms: 2000 },
    { attempt: 3, random: 1, ms: 4000 },
    { attempt: 5, random: 1, ms: 16_000 },
    { attempt: 6, random: 0, ms: 15_000 },
    { attempt: 6, random: 1, ms: 30_000 },
    { attempt: 50, random: 0, ms: 15_000 },
    { attempt: 5000, random: 1, ms: 30_000 }
  ])('backs off $ms ms before retry $attempt with random $random', ({ attempt, random, ms }) => {
    expect(retryDelay(new NetworkError('ECONNRESET'), attempt, NOW, () => random)).toBe(ms)
    expect(retryDelay(answer(502), attempt, NOW, () => random)).toBe(ms)
  })

  it('keeps computed delays within the upper half of the ceiling and under maxMs', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1))
      for (const random of [0, 0.001, 0.25, 0.5, 0.999, 1]) {
        const ms = retryDelay(answer(500), attempt, NOW, () => random)
        expect(ms).toBeGreaterThanOrEqual(ceiling / 2)
        expect(ms).toBeLessThanOrEqual(ceiling)
        expect(ms).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs)
      }
    }
  })

  it('never looks at headers of a network failure', () => {
    expect(retryDelay(new NetworkError('ECONNREFUSED'), 1, NOW, () => 1)).toBe(1000)
  })
})

describe('single', () => {
  it.each<{ name: string; value: string | string[] | undefined; text: string | undefined }>([
    { name: 'a missing header', value: undefined, text: undefined },
    { name: 'a plain value', value: '5', text: '5' },
    { name: 'a padded value', value: '  5 ', text: '5' },
    { name: 'a repeated header', value: ['1', '2'], text: '1' }
  ])('reads $name', ({ value, text }) => {
    expect(single(value)).toBe(text)
  })
})
