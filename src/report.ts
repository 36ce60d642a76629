import * as core from '@actions/core'
import type { Config } from './inputs.js'
import { subjectOf, type JobReport } from './job.js'
import { setResultOutputs, writeResultsFile } from './outputs.js'
import { postComment } from './post-comment.js'
import { annotateFiles, applyRule, ruleProblems } from './rule-verdicts.js'
import type { StartFailure } from './start-jobs.js'
import { judge } from './verdict.js'
import { writeSummary } from './write-summary.js'
import { logLine } from './log.js'

export interface RunOutcome {
  config: Config
  reports: JobReport[]
  failures: StartFailure[]
  cancelled: boolean
  /** The run's signal: a cancel also ends the pull-request comment. */
  signal?: AbortSignal
}

/**
 * Judges the run (job states, then the fail-if rule) and reports it
 * everywhere a user looks: outputs, results file, job summary, file
 * annotations and the pull-request comment. Fails the step once when
 * there are problems, spelling out the first ones (the summary has all).
 */
export async function report({ config, reports, failures, cancelled, signal }: RunOutcome): Promise<void> {
  const verdict = judge({ reports, failures, waited: config.wait, cancelled, timeoutMs: config.timeoutMs })
  const rules = config.failIf ? applyRule(config.failIf, reports) : undefined
  const broken = rules ? ruleProblems(reports, rules) : []

  const resultsFile = writeResultsFile(reports)
  const brokenSources = reports.filter((r) => rules?.get(r.jobId)?.passed === false)
  setResultOutputs(reports, verdict.status, resultsFile, brokenSources.map(subjectOf))
  logLine(`Status: ${verdict.status}. Results file: ${resultsFile}`)

  const problems = [...verdict.problems, ...broken]
  const notice = problems.length ? problems.join(' ') : undefined
  const view = { workflowId: config.workflowId, reports, resultsFile, verdicts: rules, notice }
  if (config.summary) await writeSummary(view)
  if (rules) annotateFiles(reports, rules)
  const shard = config.shard ? `shard ${config.shard.index}/${config.shard.total}` : ''
  if (config.comment) await postComment(config.githubToken, view, signal, shard)
  if (problems.length > 0) core.setFailed(failureMessage(problems))
}

/** At most this many problems are spelled out in the step's error; the summary lists them all. */
const MAX_PROBLEMS_SHOWN = 20

function failureMessage(problems: string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN)
  const more = problems.length - shown.length
  return [...shown, ...(more > 0 ? [`…and ${more} more; see the job summary and the results file.`] : [])].join('\n')
}
