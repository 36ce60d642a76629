import * as core from '@actions/core'
import type { Security } from './endpoints.js'
import { InputError } from './errors.js'
import type { Credentials } from './inputs.js'
import { decodePolicy, encodePolicy, signPolicy, type Policy } from './policy.js'
import { maskSecret } from './secrets.js'

/**
 * The calls a workflow run needs. Which call covers workflow_status is not
 * documented; `read` is included for it, and `convert` because Filestack's
 * own tooling reports that run_workflow checks for it.
 */
export const WORKFLOW_CALLS = ['runWorkflow', 'read', 'convert']

/** Policies outlive the deadline by this much, for the last status check. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000

/**
 * The security task for every call of this run. A secret signs a fresh
 * policy limited to the calls needed and expiring shortly after the run's
 * deadline; a policy signed elsewhere is checked before it is used.
 */
export function resolveSecurity(
  credentials: Credentials,
  deadline: number,
  now: number = Date.now(),
  calls: string[] = WORKFLOW_CALLS
): Security {
  if (credentials.kind === 'secret') {
    maskSecret(credentials.appSecret)
    const expiry = Math.ceil((deadline + EXPIRY_MARGIN_MS) / 1000)
    const policy = encodePolicy({ expiry, call: calls })
    const signature = signPolicy(policy, credentials.appSecret)
    maskSecret(policy)
    maskSecret(signature)
    return { policy, signature }
  }

  maskSecret(credentials.policy)
  maskSecret(credentials.signature)
  checkGivenPolicy(credentials.policy, deadline, now, calls)
  return { policy: credentials.policy, signature: credentials.signature }
}

function checkGivenPolicy(encoded: string, deadline: number, now: number, calls: string[]): Policy {
  const policy = decodePolicy(encoded)
  if (typeof policy === 'string') throw new InputError('policy', policy)

  const expiresAt = policy.expiry * 1000
  if (expiresAt <= now) {
    throw new InputError('policy', `expired at ${new Date(expiresAt).toISOString()}; sign a new one`)
  }
  if (expiresAt < deadline) {
    core.warning(
      `The policy expires at ${new Date(expiresAt).toISOString()}, before this run's deadline; status checks after that will be refused.`
    )
  }
  const missing = ['runWorkflow', 'store'].filter((call) => calls.includes(call) && !policy.call?.includes(call))
  if (policy.call && missing.length > 0) {
    core.warning(`The policy's call list does not include ${missing.join(' or ')}, which this run needs; Filestack may refuse those calls.`)
  }
  return policy
}
