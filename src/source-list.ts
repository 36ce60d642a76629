import { InputError } from './errors.js'
import { parseSource, type Source } from './sources.js'
import { quote } from './plain-text.js'

/** Run only the sources at positions index, index + total, … (1-based). */
export interface Shard {
  index: number
  total: number
}

/** More would make outputs and summaries unwieldy; larger sets use `shard`. */
export const MAX_SOURCES = 1000
const MAX_SOURCE_LENGTH = 3000

/**
 * One source a line; blank lines and `#` comments are skipped. Every line
 * is checked before any is used, so one bad line fails the run before a
 * single job starts.
 */
export function parseSourceList(text: string, shard?: Shard): Source[] {
  const sources: Source[] = []
  const seen = new Set<string>()
  const lines = text.split(/\r?\n/)

  lines.forEach((line, i) => {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const where = `line ${i + 1}`
    if (trimmed.length > MAX_SOURCE_LENGTH) {
      throw new InputError('sources', `${where} is longer than ${MAX_SOURCE_LENGTH} characters`)
    }
    const source = parseSource(trimmed)
    if (typeof source === 'string') {
      throw new InputError('sources', `${where} (${quote(trimmed)}): ${source}`)
    }
    if (seen.has(trimmed)) {
      throw new InputError('sources', `${where} repeats ${quote(trimmed)}`)
    }
    seen.add(trimmed)
    sources.push(source)
  })

  if (sources.length === 0) {
    throw new InputError('sources', 'is required: give one handle, URL or src://ALIAS/PATH a line')
  }
  const mine = shard ? selectShard(sources, shard) : sources
  if (mine.length > MAX_SOURCES) {
    throw new InputError('sources', `${mine.length} sources in one run; the most is ${MAX_SOURCES}, so split them with the shard input`)
  }
  return mine
}

/** The items at positions index, index + total, … (1-based) of the list. */
export function selectShard<T>(items: T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.total === shard.index - 1)
}

/** Reads `K/N`; empty means no sharding. */
export function parseShard(text: string): Shard | undefined {
  if (text === '') return undefined
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text)
  const index = Number(match?.[1])
  const total = Number(match?.[2])
  if (!match || index < 1 || total < 1 || index > total) {
    throw new InputError('shard', 'expected K/N with 1 ≤ K ≤ N, e.g. 2/4')
  }
  return { index, total }
}
