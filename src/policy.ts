import { createHmac } from 'node:crypto'

/** A Filestack security policy; `expiry` is in Unix seconds. */
export interface Policy {
  expiry: number
  call?: string[]
  handle?: string
  url?: string
  [key: string]: unknown
}

/**
 * Compact JSON in URL-safe base64 that keeps its `=` padding: Filestack
 * decodes policies strictly and refuses them unpadded, so Node's
 * `base64url` (which drops the padding) will not do.
 */
export function encodePolicy(policy: Policy): string {
  return toUrlSafe(Buffer.from(JSON.stringify(policy), 'utf8').toString('base64'))
}

/** Lowercase hex HMAC-SHA256 of the encoded policy, keyed with the app secret. */
export function signPolicy(encodedPolicy: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(encodedPolicy, 'utf8').digest('hex')
}

export function toUrlSafe(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_')
}

/**
 * Reads an encoded policy the way Filestack does, or says why it cannot:
 * URL-safe alphabet, padded to a multiple of four, JSON with an integer
 * expiry.
 */
export function decodePolicy(encoded: string): Policy | string {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    return 'it is not URL-safe base64 with its = padding'
  }

  let policy: unknown
  try {
    policy = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))
  } catch {
    return 'it does not decode to JSON'
  }

  const expiry = (policy as Policy | null)?.expiry
  if (typeof policy !== 'object' || !Number.isSafeInteger(expiry) || expiry! <= 0) {
    return 'it has no integer "expiry" (Unix seconds)'
  }
  return policy as Policy
}
