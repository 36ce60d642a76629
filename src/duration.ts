const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 }

/**
 * Reads a duration such as `90`, `90s`, `15m`, `1.5h` or `500ms` into
 * milliseconds. Returns undefined when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim())
  if (!match) return undefined

  const value = Number(match[1])
  const unit = (match[2] ?? '').toLowerCase()
  const ms = unit === 'ms' ? value : value * UNIT_SECONDS[unit] * 1000
  return Number.isFinite(ms) ? Math.round(ms) : undefined
}

/** A duration for people: `850 ms`, `12.3 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 999.5) return `${Math.max(0, Math.round(ms))} ms`
  const tenths = Math.round(ms / 100)
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  const minutes = Math.floor(seconds / 60)
  return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`
}
