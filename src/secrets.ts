import * as core from '@actions/core'

/** Every form masked so far, for redactSecrets. */
const masked = new Set<string>()

/**
 * Masks a secret and the encoded forms the runner does not mask by itself
 * (URL-safe base64 with and without padding, hex, the value without its
 * padding or in the other letter case, percent-escapes in either case),
 * so no later log line shows any of them. Masking only affects what is
 * printed afterwards, so this runs before the value is first used.
 */
export function maskSecret(value: string): void {
  if (value.trim() === '' || masked.has(value)) return

  const bytes = Buffer.from(value, 'utf8')
  const uri = encodeURIComponent(value)
  const forms = new Set([
    value,
    value.replace(/=+$/, ''),
    value.toUpperCase() === value ? value.toLowerCase() : value.toUpperCase(),
    bytes.toString('base64url'),
    bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    bytes.toString('hex'),
    uri,
    uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())
  ])
  for (const form of [...forms].filter((f) => f === value || f.length >= 4)) {
    core.setSecret(form)
    masked.add(form)
  }
}

/**
 * The text with every masked form replaced. The runner masks the log, but
 * not the results file, and Filestack may quote the policy back in an
 * error; messages built from its answers go through this first.
 */
export function redactSecrets(text: string): string {
  // Longest first, so that no part of a longer form is left over.
  const forms = [...masked].sort((a, b) => b.length - a.length)
  return forms.reduce((result, form) => result.split(form).join('[redacted]'), text)
}

/** The inputs that are secret or signed with a secret, masked as they arrive. */
const SECRET_INPUTS = ['app-secret', 'policy', 'signature', 'api-key']

export function maskInputs(): void {
  for (const name of SECRET_INPUTS) maskSecret(core.getInput(name))
}
