const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const VALUES = new Map([...ALPHABET].map((ch, i) => [ch, i]))

/**
 * Decodes the way Python's `base64.urlsafe_b64decode` does, since that is
 * what the service runs policies through: characters outside the alphabet
 * are skipped, input ends at the first complete padding, and a missing `=`
 * is an error. Returns undefined where Python would raise.
 */
export function decodeLikePython(text: string): Buffer | undefined {
  if (!/^[\x00-\x7f]*$/.test(text)) return undefined
  const swapped = text.replace(/-/g, '+').replace(/_/g, '/')
  const out: number[] = []
  let quadPos = 0
  let pads = 0
  let bits = 0
  for (const ch of swapped) {
    if (ch === '=') {
      pads += 1
      if (quadPos >= 2 && quadPos + pads >= 4) return finish(out, 0)
      continue
    }
    const value = VALUES.get(ch)
    if (value === undefined) continue
    pads = 0
    bits = (bits << 6) | value
    if (quadPos > 0) out.push((bits >> (6 - 2 * quadPos)) & 0xff)
    quadPos = (quadPos + 1) % 4
  }
  return finish(out, quadPos)
}

function finish(out: number[], quadPos: number): Buffer | undefined {
  return quadPos === 0 ? Buffer.from(out) : undefined
}

/**
 * Strict URL-safe base64 with padding, as `b64://` sources must be:
 * nothing outside the alphabet, and exactly the padding the length needs.
 */
export function decodeStrict(text: string): Buffer | undefined {
  const match = /^([A-Za-z0-9_-]*)(={0,2})$/.exec(text)
  if (!match || text.length % 4 !== 0) return undefined
  const [, data, padding] = match
  if (data.length % 4 === 1) return undefined
  if (padding.length !== (4 - (data.length % 4)) % 4) return undefined
  return Buffer.from(data, 'base64url')
}
