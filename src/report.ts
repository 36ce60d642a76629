import * as core from '@actions/core'
import type { Config } from './inputs.js'
import { subjectOf, type JobReport } from './job.js'
import { setResultOutputs, writeResultsFile } from './outputs.js'
import { postComment } from './post-comment.js'
import { annotateFiles, applyRule, ruleProblems } from './rule-verdicts.js'
import type { StartFailure } from './start-jobs.js'
import { judge } from './verdict.js'
import { writeSummary } from './write-summary.js'

export interface RunOutcome {
  config: Config
  reports: JobReport[]
  failures: StartFailure[]
  cancelled: boolean
}

/**
 * Judges the run (job states, then the fail-if rule) and reports it
 * everywhere a user looks: outputs, results file, job summary, file
 * annotations and the pull-request comment. Fails the step once, with
 * every problem, when there are any.
 */
export async function report({ config, reports, failures, cancelled }: RunOutcome): Promise<void> {
  const verdict = judge({ reports, failures, waited: config.wait, cancelled, timeoutMs: config.timeoutMs })
  const rules = config.failIf ? applyRule(config.failIf, reports) : undefined
  const broken = rules ? ruleProblems(reports, rules) : []

  const resultsFile = writeResultsFile(reports)
  setResultOutputs(reports, verdict.status, resultsFile)
  const brokenSources = reports.filter((r) => rules?.get(r.jobId)?.passed === false)
  core.setOutput('rule-failures', JSON.stringify(brokenSources.map(subjectOf)))
  core.info(`Status: ${verdict.status}. Results file: ${resultsFile}`)

  const problems = [...verdict.problems, ...broken]
  const notice = problems.length ? problems.join(' ') : undefined
  const view = { workflowId: config.workflowId, reports, resultsFile, verdicts: rules, notice }
  if (config.summary) await writeSummary(view)
  if (rules) annotateFiles(reports, rules)
  if (config.comment) await postComment(config.githubToken, view)
  if (problems.length > 0) core.setFailed(problems.join('\n'))
}
