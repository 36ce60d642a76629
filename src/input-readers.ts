import { parseDuration } from './duration.js'
import { InputError } from './errors.js'

/** Reads one input's raw value (trimmed; '' when not set). */
export type InputReader = (name: string) => string

export function required(read: InputReader, name: string): string {
  const value = read(name)
  if (!value) throw new InputError(name, 'is required')
  return value
}

export function readBoolean(read: InputReader, name: string, fallback: boolean): boolean {
  const value = read(name).toLowerCase()
  if (value === '') return fallback
  if (value === 'true' || value === 'false') return value === 'true'
  throw new InputError(name, 'expected true or false')
}

/** A duration input in milliseconds, within [minMs, maxMs]. */
export function readDuration(
  read: InputReader,
  name: string,
  fallback: string,
  minMs: number,
  maxMs: number
): number {
  const ms = parseDuration(read(name) || fallback)
  if (ms === undefined) {
    throw new InputError(name, 'expected seconds, or a number with s, m or h (e.g. 90, 30s, 15m, 1h)')
  }
  if (ms < minMs || ms > maxMs) {
    throw new InputError(name, `must be between ${minMs / 1000}s and ${maxMs / 1000}s`)
  }
  return ms
}

export function readInteger(read: InputReader, name: string, fallback: number, min: number, max: number): number {
  const text = read(name)
  if (text === '') return fallback
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!(value >= min && value <= max)) {
    throw new InputError(name, `expected a whole number from ${min} to ${max}`)
  }
  return value
}

/** The input's non-blank lines that are not `#` comments, trimmed. */
export function readLines(read: InputReader, name: string): string[] {
  return read(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/**
 * A service URL: https, or plain http on loopback (the local test servers),
 * with no credentials, query or fragment. Returned without a trailing slash.
 */
export function readServiceUrl(read: InputReader, name: string, fallback: string): string {
  const text = read(name) || fallback
  if (/[\u0000-\u0020\u007f]/.test(text)) throw new InputError(name, 'must not contain spaces or control characters')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(name, 'is not a valid URL')
  }
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(name, 'must use https (plain http is allowed only on loopback)')
  }
  if (url.username || url.password || /[?#]/.test(text)) {
    throw new InputError(name, 'must not carry credentials, a query string or a fragment')
  }
  return text.replace(/\/+$/, '')
}
