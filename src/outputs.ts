import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { subjectOf, type JobReport, type StatusResponse } from './job.js'
import { fitArray, fitObject, OUTPUT_BUDGET } from './output-budget.js'
import { redactSecrets } from './secrets.js'

/** The overall status output: Finished, Failed, TimedOut, Cancelled, or the run status. */
export type RunStatus = string

/** Sets `job-id` and `job-ids` as soon as the jobs have started. */
export function setJobIdOutputs(reports: JobReport[]): void {
  core.setOutput('job-id', reports[0]?.jobId ?? '')
  core.setOutput('job-ids', JSON.stringify(reports.map((r) => r.jobId)))
}

/** Each job's last answer, with the source as the user wrote it (and its file). */
export function jobRecords(reports: JobReport[]): Array<StatusResponse & { source: string }> {
  return reports.map((report) => ({
    ...report.response,
    source: report.source,
    ...(report.file !== undefined && { file: report.file }),
    ...(report.error !== undefined && { error: report.error })
  }))
}

/**
 * Writes every job in full to a JSON file under RUNNER_TEMP and returns its
 * path. The step's ID keeps the files of two steps in one job apart.
 */
export function writeResultsFile(reports: JobReport[]): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'filestack-workflows')
  mkdirSync(dir, { recursive: true })
  const step = (process.env.GITHUB_ACTION || `run-${process.pid}`).replace(/[^\w.-]/g, '_')
  const path = join(dir, `${step}-results.json`)
  writeFileSync(path, `${redactSecrets(JSON.stringify(jobRecords(reports), null, 2))}\n`)
  return path
}

/**
 * Sets `status`, `results`, `jobs`, `rule-failures` and `results-file`,
 * each within its size budget. Nothing that was masked can reach them,
 * even if Filestack quoted it back in a result.
 */
export function setResultOutputs(
  reports: JobReport[],
  status: RunStatus,
  resultsFile: string,
  ruleFailures: string[] = []
): void {
  core.setOutput('status', status)
  core.setOutput('results', redactSecrets(fitObject(resultEntries(reports), resultsFile)))
  core.setOutput('jobs', redactSecrets(fitArray(jobRecords(reports), resultsFile)))
  core.setOutput('rule-failures', fitArray(ruleFailures, resultsFile, OUTPUT_BUDGET / 2))
  core.setOutput('results-file', resultsFile)
}

/**
 * Each job's results by its subject. Two jobs on one source (possible
 * with job-ids) would share a key; the later ones add their job ID to it.
 */
function resultEntries(reports: JobReport[]): Array<[string, unknown]> {
  const seen = new Set<string>()
  return reports.map((report) => {
    let key = subjectOf(report)
    if (seen.has(key)) key = `${key} (job ${report.jobId})`
    seen.add(key)
    return [key, report.response.results ?? null]
  })
}
