import { verifyCredentials, type Credentials, type Policy } from './policy.js'
import { text, type Reply } from './reply.js'
import type { Source } from './source.js'
import type { ServerState } from './state.js'

export type SecuredCall = 'run' | 'status' | 'upload'

/** Any one of these in the policy's `call` list allows the call. */
const GRANTING_CALLS: Record<SecuredCall, string[]> = {
  run: ['runWorkflow'],
  status: ['runWorkflow', 'read'],
  upload: ['store']
}

const DENIED = 'policy does not allow this call'

/** Returns why the policy refuses the call, or undefined if it allows it. */
function refuseCall(policy: Policy, call: SecuredCall): string | undefined {
  if (policy.call === undefined) return undefined
  const listed = Array.isArray(policy.call) ? policy.call : [policy.call]
  const granted = GRANTING_CALLS[call].some((name) => listed.includes(name))
  return granted ? undefined : DENIED
}

/** Python's `re.match`: the pattern must match at the start of the text. */
function matchesAtStart(pattern: string, value: string): boolean | undefined {
  try {
    return new RegExp(pattern).exec(value)?.index === 0
  } catch {
    return undefined
  }
}

export function refuseSource(
  policy: Policy,
  source: Source
): string | undefined {
  if (source.kind === 'handle' && policy.handle !== undefined) {
    if (policy.handle !== source.value) {
      return 'policy does not allow this handle'
    }
  }
  if (source.kind === 'url' && policy.url !== undefined) {
    if (typeof policy.url !== 'string') return 'invalid policy url'
    const matched = matchesAtStart(policy.url, source.value)
    if (matched === undefined) return 'invalid policy url'
    if (!matched) return 'policy does not allow this url'
  }
  return undefined
}

export function refuseSize(policy: Policy, size: number): string | undefined {
  const { maxSize, minSize } = policy
  if (typeof maxSize === 'number' && size > maxSize) {
    return 'file is larger than the policy allows'
  }
  if (typeof minSize === 'number' && size < minSize) {
    return 'file is smaller than the policy allows'
  }
  return undefined
}

export type Authorized =
  | { ok: true; policy: Policy; apiKey: string }
  | { ok: false; reply: Reply }

/**
 * The security checks every call shares, once the API key (if any) is
 * known to name an app: a valid, unexpired, signed policy that allows the
 * call. Failures are 403 with a plain-text reason.
 */
export function authorize(
  state: ServerState,
  apiKey: string | undefined,
  credentials: Credentials | undefined,
  call: SecuredCall
): Authorized {
  const verified = verifyCredentials(credentials, state.signers(apiKey))
  if (!verified.ok) return { ok: false, reply: text(403, verified.message) }
  const refusal = refuseCall(verified.policy, call)
  if (refusal) return { ok: false, reply: text(403, refusal) }
  return verified
}
