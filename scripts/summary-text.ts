/**
 * Renders the job summary's HTML as plain text for a terminal: headings
 * keep their level marks, tables become aligned columns, details blocks
 * are opened, and entities are decoded.
 */
export function summaryText(html: string): string {
  const withTables = html.replace(/<table>([\s\S]*?)<\/table>/g, (_, body: string) => table(body))
  return decode(
    withTables
      .replace(/<h(\d)>/g, (_, level: string) => `\n${'#'.repeat(Number(level))} `)
      .replace(/<\/h\d>/g, '\n')
      .replace(/<summary>/g, '\n▸ ')
      .replace(/<br\s*\/?>|<\/p>|<\/li>|<\/summary>/g, '\n')
      .replace(/<li>/g, '  • ')
      .replace(/<[^>]+>/g, '')
  ).replace(/\n{3,}/g, '\n\n').trim()
}

function table(body: string): string {
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      decode(cell[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim())
    )
  )
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  const lines = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  '))
  if (lines.length > 1) lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '))
  return `\n${lines.join('\n')}\n`
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&')
}
