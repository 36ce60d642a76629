import { createHmac, timingSafeEqual } from 'node:crypto'
import { decodeLikePython } from './base64.js'

export const MISSING_CREDENTIALS =
  'application policy error: proper credentials were not provided'
const NOT_BASE64 = 'policy was not properly url-safe base64 encoded'

export interface Credentials {
  policy: string
  signature: string
}

export interface Policy {
  expiry: number
  call?: unknown
  handle?: unknown
  url?: unknown
  maxSize?: unknown
  minSize?: unknown
}

export type SecurityResult =
  | { ok: true; policy: Policy; apiKey: string }
  | { ok: false; message: string }

export function sign(policy: string, secret: string): string {
  return createHmac('sha256', secret).update(policy).digest('hex')
}

/** Reads `security=p:..,s:..` or its long form `policy:..,signature:..`. */
export function parseSecurityTask(params: string): Credentials | undefined {
  const values = new Map<string, string>()
  for (const pair of params.split(',')) {
    const colon = pair.indexOf(':')
    if (colon > 0) values.set(pair.slice(0, colon), pair.slice(colon + 1))
  }
  const policy = values.get('p') ?? values.get('policy')
  const signature = values.get('s') ?? values.get('signature')
  if (!policy || !signature) return undefined
  return { policy, signature }
}

function decodePolicy(text: string): Policy | string {
  const bytes = decodeLikePython(text)
  if (!bytes) return NOT_BASE64
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return 'policy is not valid JSON'
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'policy is not a JSON object'
  }
  return parsed as Policy
}

function refuseExpiry({ expiry }: Policy): string | undefined {
  if (!Number.isInteger(expiry)) return 'policy expiry must be an integer'
  if (expiry * 1000 <= Date.now()) return 'policy expired'
  return undefined
}

function signatureMatches(credentials: Credentials, secret: string): boolean {
  const expected = Buffer.from(sign(credentials.policy, secret))
  const given = Buffer.from(credentials.signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Checks credentials against the apps that may have signed them: the one
 * named by the API key in the path, or every app when the path has none.
 * The policy's content counts only once its signature is verified.
 */
export function verifyCredentials(
  credentials: Credentials | undefined,
  apps: [apiKey: string, secret: string][]
): SecurityResult {
  if (!credentials) return { ok: false, message: MISSING_CREDENTIALS }
  const policy = decodePolicy(credentials.policy)
  if (typeof policy === 'string') return { ok: false, message: policy }
  const app = apps.find(([, secret]) => signatureMatches(credentials, secret))
  if (!app) return { ok: false, message: 'invalid signature' }
  const expired = refuseExpiry(policy)
  if (expired) return { ok: false, message: expired }
  return { ok: true, policy, apiKey: app[0] }
}
