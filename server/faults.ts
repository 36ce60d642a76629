import { STATUS_CODES } from 'node:http'
import { html, text, type Reply } from './reply.js'
import type { CallKind, FaultRule } from './types.js'

interface Armed {
  rule: FaultRule
  left: number
}

/** The fault rules still to fire, in the order they were added. */
export class FaultBook {
  private armed: Armed[] = []

  constructor(rules: FaultRule[] = []) {
    this.replace(rules)
  }

  add(rule: FaultRule): void {
    const left = rule.times ?? 1
    if (left > 0) this.armed.push({ rule, left })
  }

  replace(rules: FaultRule[]): void {
    this.armed = []
    for (const rule of rules) this.add(rule)
  }

  /** The first live rule for this call and source, counted as used once. */
  take(call: CallKind, source?: string): FaultRule | undefined {
    const found = this.armed.find(
      ({ rule }) =>
        (rule.call === 'any' || rule.call === call) &&
        matches(rule.match, source)
    )
    if (!found) return undefined
    found.left -= 1
    if (found.left <= 0) this.armed.splice(this.armed.indexOf(found), 1)
    return found.rule
  }
}

function matches(match: string | RegExp | undefined, source?: string): boolean {
  if (match === undefined) return true
  if (source === undefined) return false
  if (typeof match === 'string') return source.includes(match)
  match.lastIndex = 0
  return match.test(source)
}

/** Cut short, so that it fails to parse as JSON. */
const TRUNCATED_JSON = '{"createdAt":"2026-01-01T00:00:00Z","jobid":"'

/** The answer of a fault that replaces the call, or undefined if none. */
export function faultReply(rule: FaultRule): Reply | undefined {
  const headers = rule.headers ?? {}
  const withHeaders = (reply: Reply): Reply => ({
    ...reply,
    headers: { ...reply.headers, ...headers }
  })
  switch (rule.kind) {
    case 'status': {
      const code = rule.statusCode ?? 500
      const body = rule.body ?? `${code} ${STATUS_CODES[code] ?? 'Error'}`
      return withHeaders(text(code, body))
    }
    case 'html': {
      const code = rule.statusCode ?? 200
      return withHeaders(html(code, STATUS_CODES[code] ?? 'Error'))
    }
    case 'bad-json': {
      const reply = text(rule.statusCode ?? 200, rule.body ?? TRUNCATED_JSON)
      const type = { 'Content-Type': 'application/json' }
      return withHeaders({ ...reply, headers: type })
    }
    default:
      return undefined
  }
}
