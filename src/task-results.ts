/**
 * One job's results as readable HTML. Tasks whose data shapes Filestack
 * documents get a short rendering of their own; any other task, and any
 * data that is not shaped as documented, is shown as JSON.
 */

import { details, escapeLine, table } from './html.js'
import { taskName, tasksByName } from './tasks.js'

/** HTML for a task's data, or undefined when the data has another shape. */
type Renderer = (data: unknown) => string | undefined

type Fields = Record<string, unknown>

interface Tag {
  label: string
  confidence: number
  user: boolean
}

/** How many OCR lines to show; the rest stays in the results file. */
const OCR_LINES = 10

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}

/** A paragraph of HTML, then the items as a list when there are any. */
function withList(paragraph: string, items: string[]): string {
  if (items.length === 0) return paragraph
  const lines = items.map((item) => `<li>${escapeLine(item)}</li>`)
  return [paragraph, '<ul>', ...lines, '</ul>'].join('\n')
}

/** A `{label: confidence}` map as tags; undefined if a value is no number. */
function scores(value: unknown, user: boolean): Tag[] | undefined {
  if (value === null || value === undefined) return []
  if (!isFields(value)) return undefined

  const tags: Tag[] = []
  for (const [label, confidence] of Object.entries(value)) {
    if (typeof confidence !== 'number') return undefined
    tags.push({ label, confidence, user })
  }
  return tags
}

function byConfidence(a: Tag, b: Tag): number {
  if (a.confidence !== b.confidence) return b.confidence - a.confidence
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0
}

function renderTags(data: unknown): string | undefined {
  const tags = isFields(data) ? data.tags : undefined
  if (!isFields(tags)) return undefined

  const auto = scores(tags.auto, false)
  const user = scores(tags.user, true)
  if (!auto || !user) return undefined

  const all = [...auto, ...user].sort(byConfidence)
  if (all.length === 0) return '<p>No tags.</p>'
  const rows = all.map((tag) => [
    escapeLine(tag.label) + (tag.user ? ' <em>(user)</em>' : ''),
    String(tag.confidence)
  ])
  return table(['Label', 'Confidence'], rows)
}

function renderVirus(data: unknown): string | undefined {
  if (!isFields(data) || typeof data.infected !== 'boolean') return undefined
  const infections = data.infections_list ?? []
  if (!isStrings(infections)) return undefined

  return withList(`<p>Infected: ${yesNo(data.infected)}</p>`, infections)
}

function renderSfw(data: unknown): string | undefined {
  if (!isFields(data) || typeof data.sfw !== 'boolean') return undefined
  return `<p>Safe for work: ${yesNo(data.sfw)}</p>`
}

function renderCaption(data: unknown): string | undefined {
  if (!isFields(data) || typeof data.caption !== 'string') return undefined
  return `<p>${escapeLine(data.caption)}</p>`
}

/** The lines of text an OCR task read, from either documented shape. */
function ocrLines(data: unknown): string[] | undefined {
  if (!isFields(data)) return undefined
  if (typeof data.text === 'string') return data.text.split(/\r\n?|\n/)

  const areas = isFields(data.document) ? data.document.text_areas : undefined
  if (!Array.isArray(areas)) return undefined
  const lines = areas.flatMap((area) => isFields(area) ? area.lines : [])
  const texts = lines.map((line) => isFields(line) ? line.text : undefined)
  return isStrings(texts) ? texts : undefined
}

function renderOcr(data: unknown): string | undefined {
  const lines = ocrLines(data)?.filter((line) => line.trim() !== '')
  if (!lines) return undefined
  if (lines.length === 0) return '<p>No text found.</p>'

  const shown = lines.slice(0, OCR_LINES).map(escapeLine).join('<br>\n')
  const more = lines.length - OCR_LINES
  const note = more > 0 ? `\n<p><em>Lines not shown: ${more}.</em></p>` : ''
  return `<p>${shown}</p>${note}`
}

/** Names of the licenses found, each once; entries without one are skipped. */
function licenseNames(licenses: unknown[]): string[] {
  const names = licenses.flatMap((license) => {
    const image = isFields(license) ? license.imageDetails : undefined
    const info = isFields(image) ? image.licensingInfo : undefined
    return Array.isArray(info) ? info.map((i) => isFields(i) && i.name) : []
  })
  return [...new Set(names.filter((n): n is string => typeof n === 'string'))]
}

function renderCopyright(data: unknown): string | undefined {
  if (!isFields(data) || typeof data.copyright !== 'boolean') return undefined
  const licenses = data.licenses ?? []
  if (!Array.isArray(licenses)) return undefined

  const found = `<p>Copyright detected: ${yesNo(data.copyright)}</p>`
  return withList(found, licenseNames(licenses))
}

const RENDERERS = new Map<string, Renderer>([
  ['tags', renderTags],
  ['virus_detection', renderVirus],
  ['sfw', renderSfw],
  ['caption', renderCaption],
  ['ocr', renderOcr],
  ['copyright', renderCopyright]
])

function renderTask(name: string, data: unknown): string {
  const body = RENDERERS.get(taskName(name))?.(data)
  if (body !== undefined) return `<h4>${escapeLine(name)}</h4>\n${body}`

  const json = JSON.stringify(data, null, 2) ?? String(data)
  return details(name, json)
}

/** HTML for every task of a job, in the order Filestack listed them. */
export function renderResults(
  results: Record<string, unknown> | undefined
): string {
  const tasks = Object.entries(tasksByName(results))
  if (tasks.length === 0) return '<p>No results.</p>'
  return tasks.map(([name, data]) => renderTask(name, data)).join('\n')
}
