/** The three ways a file can be named to Filestack. */
export type SourceKind = 'handle' | 'url' | 'alias'

export interface Source {
  /** Exactly as the user wrote it; this is what reaches Filestack. */
  text: string
  kind: SourceKind
}

const HANDLE = /^[A-Za-z0-9_-]{20}$/
const ALIAS = /^src:\/\/[A-Za-z0-9][A-Za-z0-9_.-]*\/\S/

/** Control characters, and the invisible ones that make a line read other than it is. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/

/** Characters that every hop keeps as they are in a path segment. */
const PLAIN = /^[A-Za-z0-9._~:/-]+$/

/**
 * Reads one source line, or says in a few words why it is not one.
 * The text is never altered: a URL is checked with the URL parser but sent
 * as the user wrote it.
 */
export function parseSource(text: string): Source | string {
  if (CONTROL.test(text)) return 'it contains a control character or an invisible formatting character'
  if (HANDLE.test(text)) return { text, kind: 'handle' }
  if (/^https?:\/\//i.test(text)) {
    // The parser would read `http:///x` as host x; a URL as written names its host.
    return isWebUrl(text) && /^https?:\/\/[^/?#\\]/i.test(text) ? { text, kind: 'url' } : 'it is not a valid URL'
  }
  if (/^src:/i.test(text)) {
    return ALIAS.test(text)
      ? { text, kind: 'alias' }
      : 'a storage alias has the form src://ALIAS/PATH'
  }
  return 'expected a 20-character Filestack handle, an http(s) URL or src://ALIAS/PATH'
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

/**
 * The source as it goes into the request path. Simple sources keep the
 * documented plain form; anything a proxy, the URL parser or the server
 * could read differently (query strings, `%`, commas, quotes, spaces,
 * non-ASCII, dot segments) travels as `b64://` plus URL-safe base64 of its
 * UTF-8 bytes, which arrives byte for byte.
 */
export function sourcePathSegment(source: Source): string {
  if (isPlain(source.text)) return source.text
  const encoded = Buffer.from(source.text, 'utf8').toString('base64')
  return `b64://${encoded.replace(/\+/g, '-').replace(/\//g, '_')}`
}

function isPlain(text: string): boolean {
  if (!PLAIN.test(text)) return false
  const path = text.replace(/^[a-z]+:\/\//i, '')
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}
