import * as core from '@actions/core'
import { subjectOf, type JobReport } from './job.js'
import { checkRule } from './rules.js'
import { logLine } from './log.js'

/** A job's result under the `fail-if` rule, as the summary shows it. */
export interface RuleVerdict {
  passed: boolean
  reason?: string
}

/** GitHub shows at most 10 error annotations a step; one is kept for the step's own error. */
const MAX_FILE_ANNOTATIONS = 9

/**
 * Applies the rule to every finished job. Jobs that failed or are still
 * running are judged by their status, not by the rule, and get no verdict.
 */
export function applyRule(rule: string, reports: JobReport[]): Map<string, RuleVerdict> {
  const verdicts = new Map<string, RuleVerdict>()
  for (const report of reports) {
    if (report.state !== 'finished') continue
    const result = checkRule(rule, report)
    const reason = result.error ? `the rule could not be evaluated: ${result.error}` : `fail-if matched: ${rule}`
    verdicts.set(report.jobId, result.broken ? { passed: false, reason } : { passed: true })
  }
  return verdicts
}

/** One line per job that broke the rule, for the step's failure message. */
export function ruleProblems(reports: JobReport[], verdicts: Map<string, RuleVerdict>): string[] {
  return reports
    .filter((report) => verdicts.get(report.jobId)?.passed === false)
    .map((report) => `${subjectOf(report)} broke the rule (job ${report.jobId}): ${verdicts.get(report.jobId)?.reason}`)
}

/**
 * An error annotation on each uploaded file that broke the rule, so it
 * shows in the pull request's diff.
 */
export function annotateFiles(reports: JobReport[], verdicts: Map<string, RuleVerdict>): void {
  const broken = reports.filter((r) => r.file && verdicts.get(r.jobId)?.passed === false)
  for (const report of broken.slice(0, MAX_FILE_ANNOTATIONS)) {
    core.error(`Filestack workflow rule failed for ${report.file} (job ${report.jobId}): ${verdicts.get(report.jobId)?.reason}`, {
      title: 'Filestack check failed',
      file: report.file
    })
  }
  if (broken.length > MAX_FILE_ANNOTATIONS) {
    logLine(`${broken.length - MAX_FILE_ANNOTATIONS} more files broke the rule; see the job summary.`)
  }
}
