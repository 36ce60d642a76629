import { createHmac } from 'node:crypto'
import { DEMO_APP_SECRET } from '../../server/index.js'

/**
 * Signing written out here rather than imported from src/, so that the
 * server is checked against an independent reading of the rules.
 */

export const HANDLE = 'pR4oeS63QLmYIFNs2ZvZ'

/** Unix seconds, `seconds` from now. */
export function inSeconds(seconds: number): number {
  return Math.floor(Date.now() / 1000) + seconds
}

/** Compact JSON in URL-safe base64, keeping its `=` padding. */
export function encodePolicy(policy: object): string {
  return Buffer.from(JSON.stringify(policy)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')
}

export function hmac(policy: string, secret: string): string {
  return createHmac('sha256', secret).update(policy).digest('hex')
}

/** The security task for a policy (by default one that expires in 10 minutes). */
export function security(policy: object = { expiry: inSeconds(600) }, secret = DEMO_APP_SECRET): string {
  const encoded = encodePolicy(policy)
  return `security=p:${encoded},s:${hmac(encoded, secret)}`
}

/** The policy and signature as upload query parameters; `policy` adds to a 10-minute expiry. */
export function uploadCredentials(policy: object = {}): string {
  const encoded = encodePolicy({ expiry: inSeconds(600), ...policy })
  return `policy=${encoded}&signature=${hmac(encoded, DEMO_APP_SECRET)}`
}
