import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { subjectOf, type JobReport, type StatusResponse } from './job.js'
import { fitArray, fitObject } from './output-budget.js'

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
  writeFileSync(path, `${JSON.stringify(jobRecords(reports), null, 2)}\n`)
  return path
}

/** Sets `status`, `results`, `jobs` and `results-file`, each within its size budget. */
export function setResultOutputs(reports: JobReport[], status: RunStatus, resultsFile: string): void {
  const results = reports.map((r): [string, unknown] => [subjectOf(r), r.response.results ?? null])
  core.setOutput('status', status)
  core.setOutput('results', fitObject(results, resultsFile))
  core.setOutput('jobs', fitArray(jobRecords(reports), resultsFile))
  core.setOutput('results-file', resultsFile)
}
