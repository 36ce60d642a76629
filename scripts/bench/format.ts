import { formatDuration } from '../../src/duration.js'

/** A duration for the tables: `850 ms`, `12.3 s`, `43 min 2 s`. */
export function time(ms: number): string {
  return Number.isFinite(ms) ? formatDuration(ms) : 'n/a'
}

/** A duration with its sign: `+1.3 s`, `-40 ms`. */
export function signed(ms: number): string {
  return `${ms < 0 ? '-' : '+'}${time(Math.abs(ms))}`
}

/** Seconds with two decimals and a sign, for figures compared with a target: `+1.42 s`. */
export function precise(ms: number): string {
  return `${ms < 0 ? '-' : '+'}${(Math.abs(ms) / 1000).toFixed(2)} s`
}

/** A count with at most one decimal. */
export function count(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/** A size in MiB, with the exact bytes. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes.toLocaleString('en-US')} bytes)`
}

/** Columns padded to their widest cell; the first column left-aligned, the rest right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('   ')
        .trimEnd()
    )
    .join('\n')
}

/** A target line: whether it is met, what it asks, and the figure. */
export function target(met: boolean, text: string, figure: string): string {
  return `  [${met ? 'met' : 'NOT MET'}] ${text}: ${figure}`
}

/** A section title, underlined, after a blank line. */
export function heading(title: string): string {
  return `\n${title}\n${'─'.repeat(title.length)}`
}
