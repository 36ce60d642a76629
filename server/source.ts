import { decodeStrict } from './base64.js'

export type SourceKind = 'handle' | 'url' | 'alias'

export interface Source {
  kind: SourceKind
  /** The source as the job sees it: decoded when sent as `b64://`. */
  value: string
}

export type SourceResult =
  | { ok: true; source: Source }
  | { ok: false; message: string; value?: string }

const HANDLE = /^[A-Za-z0-9_-]{20}$/
const URL_SOURCE = /^https?:\/\//
const ALIAS = /^src:\/\/[^/]+\/./

export function classifySource(value: string): SourceKind | undefined {
  if (HANDLE.test(value)) return 'handle'
  if (URL_SOURCE.test(value)) return 'url'
  if (ALIAS.test(value)) return 'alias'
  return undefined
}

function decodeB64(encoded: string): string | undefined {
  const bytes = decodeStrict(encoded)
  if (!bytes) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Reads the source segment of a run path exactly as it was sent. */
export function readSource(raw: string): SourceResult {
  let value = raw
  if (raw.startsWith('b64://')) {
    const decoded = decodeB64(raw.slice('b64://'.length))
    if (decoded === undefined) {
      return { ok: false, message: 'invalid b64 source' }
    }
    value = decoded
  }
  const kind = classifySource(value)
  if (!kind) return { ok: false, message: 'invalid source', value }
  return { ok: true, source: { kind, value } }
}

export function isExternal(source: Source): boolean {
  return source.kind !== 'handle'
}
