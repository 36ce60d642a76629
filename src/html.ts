/**
 * Escaping and small builders for the HTML that goes into the job summary.
 *
 * GitHub renders the summary as Markdown in which HTML blocks pass through
 * as they are, until the first blank line. Text from inputs or from
 * Filestack must therefore neither open a tag nor bring a blank line of its
 * own into the middle of a block.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A backtick could start Markdown code, and a pipe could split a
  // Markdown table cell, wherever the text ends up outside an HTML block.
  '`': '&#96;',
  '|': '&#124;'
}

const SPECIAL = /[&<>"'`|]/g

/** Text as HTML that shows every character and cannot open a tag. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (char) => ENTITIES[char] ?? char)
}

/**
 * Text for a single line of HTML: line breaks (and the blanks around them)
 * become one space, so the text cannot end the surrounding HTML block.
 */
export function escapeLine(text: string): string {
  return escapeHtml(text.replace(/\s*[\r\n]+\s*/g, ' '))
}

/** One table row; cells are HTML already. */
export function tableRow(cells: string[], header = false): string {
  const tag = header ? 'th' : 'td'
  const inner = cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')
  return `<tr>${inner}</tr>`
}

/** A table from a header of plain text and rows of HTML cells. */
export function table(header: string[], rows: string[][]): string {
  const lines = [
    tableRow(header.map(escapeLine), true),
    ...rows.map((row) => tableRow(row))
  ]
  return ['<table>', ...lines, '</table>'].join('\n')
}

/**
 * Preformatted text whose empty lines are written as character references,
 * because a blank source line would end the HTML block around it.
 */
export function preformatted(text: string): string {
  const body = escapeHtml(text.replace(/\r\n?/g, '\n'))
    .replace(/\n(?=[ \t]*(\n|$))/g, '&#10;')
  return `<pre><code>${body}</code></pre>`
}

/** A collapsed block with a plain-text title and a preformatted body. */
export function details(title: string, body: string): string {
  return [
    `<details><summary>${escapeLine(title)}</summary>`,
    preformatted(body),
    '</details>'
  ].join('\n')
}
