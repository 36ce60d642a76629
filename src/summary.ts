/**
 * The job summary of a run: a table of the jobs, then each job's results,
 * cut to fit the size GitHub accepts for a step's summary.
 */

import { formatDuration } from './duration.js'
import { escapeLine, table, tableRow } from './html.js'
import { subjectOf, type JobReport, type JobState } from './job.js'
import type { RuleVerdict } from './rule-verdicts.js'
import { renderResults } from './task-results.js'

export interface SummaryInput {
  workflowId: string
  reports: JobReport[]
  /** Path of the JSON file that holds all results; named when cutting. */
  resultsFile?: string
  /** Verdicts by JobReport.jobId; when given, the table has a Result column. */
  verdicts?: Map<string, RuleVerdict>
  /** One line shown under the heading. */
  notice?: string
  /** False for the table alone, without each job's results; default true. */
  sections?: boolean
  /** Size limit of the whole text in UTF-8 bytes; default 900 KiB. */
  maxBytes?: number
  /** Current time in milliseconds since the epoch; default Date.now(). */
  now?: number
}

/** GitHub refuses a step summary over 1 MiB; this leaves room to spare. */
const DEFAULT_MAX_BYTES = 900 * 1024

const MARKS: Record<JobState, string> = {
  finished: '✅',
  failed: '❌',
  running: '⏳'
}

/** Blocks are separated by a blank line, which also ends each HTML block. */
const SEPARATOR = '\n\n'

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function join(blocks: string[]): string {
  return blocks.join(SEPARATOR) + '\n'
}

function durationCell(report: JobReport, now: number): string {
  if (report.state === 'running') {
    return `${formatDuration(Math.max(0, now - report.startedAt))} (running)`
  }
  if (report.endedAt === undefined) return '—'
  return formatDuration(Math.max(0, report.endedAt - report.startedAt))
}

function sourceCell(report: JobReport): string {
  const source = escapeLine(report.source)
  if (report.file === undefined) return source
  return `<code>${escapeLine(report.file)}</code><br>handle ${source}`
}

function verdictCell(verdict: RuleVerdict | undefined): string {
  if (!verdict) return '—'
  if (verdict.passed) return '✅ passed'
  const reason = verdict.reason ? `: ${escapeLine(verdict.reason)}` : ''
  return `❌ failed${reason}`
}

function columns(input: SummaryInput): string[] {
  const names = ['Source', 'Job ID', 'Status', 'Duration']
  return input.verdicts ? [...names, 'Result'] : names
}

function row(report: JobReport, input: SummaryInput, now: number): string[] {
  const cells = [
    sourceCell(report),
    `<code>${escapeLine(report.jobId)}</code>`,
    `${MARKS[report.state]} ${escapeLine(report.status)}`,
    durationCell(report, now)
  ]
  if (!input.verdicts) return cells
  return [...cells, verdictCell(input.verdicts.get(report.jobId))]
}

function heading(input: SummaryInput): string {
  const title = `<h2>Filestack workflow ${escapeLine(input.workflowId)}</h2>`
  if (input.notice === undefined) return title
  return `${title}\n<p>${escapeLine(input.notice)}</p>`
}

function section(report: JobReport): string {
  const title = `<h3>${escapeLine(subjectOf(report))}</h3>`
  return `${title}\n${renderResults(report.response.results)}`
}

/** What a cut left out, and where everything is. */
function cutNote(
  input: SummaryInput,
  rowsOut: number,
  sectionsOut: number
): string {
  const total = input.reports.length
  const rows = rowsOut > 0 ? `${rowsOut} of ${total} table rows and ` : ''
  const where = input.resultsFile === undefined
    ? 'the results file'
    : `<code>${escapeLine(input.resultsFile)}</code>`
  return `<p>Left out to fit GitHub's size limit for summaries: ${rows}` +
    `${sectionsOut} of ${total} job sections. The full results are in ` +
    `${where}.</p>`
}

/**
 * Indexes of the most sections that fit in the budget, in their order: the
 * smallest are taken first, so one huge result does not crowd out the rest.
 */
function sectionsThatFit(sizes: number[], budget: number): number[] {
  const bySize = sizes.map((_, i) => i).sort((a, b) => sizes[a] - sizes[b])
  const kept: number[] = []
  let used = 0
  for (const i of bySize) {
    if (used + sizes[i] + SEPARATOR.length > budget) break
    used += sizes[i] + SEPARATOR.length
    kept.push(i)
  }
  return kept.sort((a, b) => a - b)
}

/**
 * The table's leading rows that fit with the note, and no job sections;
 * when not even the heading fits, the note alone, or else nothing.
 */
function cutTable(
  input: SummaryInput,
  head: string,
  rows: string[][],
  max: number
): string {
  const total = rows.length
  const header = columns(input)
  const worstNote = cutNote(input, total, total)
  let used = bytes(join([head, table(header, []), worstNote]))
  let kept = 0
  for (const cells of rows) {
    used += bytes(tableRow(cells)) + 1
    if (used > max) break
    kept++
  }
  const text = join([
    head,
    table(header, rows.slice(0, kept)),
    cutNote(input, total - kept, total)
  ])
  if (bytes(text) <= max) return text

  const note = join([worstNote])
  return bytes(note) <= max ? note : ''
}

/**
 * The summary as HTML for $GITHUB_STEP_SUMMARY. Every text from the inputs
 * or from Filestack is escaped. The result is never larger than maxBytes:
 * job sections, then table rows, are left out with a note saying so.
 */
export function renderSummary(input: SummaryInput): string {
  const max = input.maxBytes ?? DEFAULT_MAX_BYTES
  const now = input.now ?? Date.now()
  const head = heading(input)
  const rows = input.reports.map((report) => row(report, input, now))
  const top = [head, table(columns(input), rows)]
  const sections = input.sections === false ? [] : input.reports.map(section)

  const full = join([...top, ...sections])
  if (bytes(full) <= max) return full

  const worstNote = cutNote(input, 0, sections.length)
  const budget = max - bytes(join([...top, worstNote]))
  if (budget < 0) return cutTable(input, head, rows, max)

  const kept = sectionsThatFit(sections.map(bytes), budget)
  const note = cutNote(input, 0, sections.length - kept.length)
  return join([...top, ...kept.map((i) => sections[i]), note])
}
