import * as core from '@actions/core'
import { messageOf } from './errors.js'
import type { JobReport } from './job.js'
import { renderSummary } from './summary.js'
import type { Verdict } from './verdict.js'

/**
 * Appends the run's summary to the job summary. A summary that cannot be
 * written is a warning: the outputs and the results file still hold
 * everything.
 */
export async function writeSummary(
  workflowId: string,
  reports: JobReport[],
  resultsFile: string,
  verdict: Verdict
): Promise<void> {
  const notice = verdict.status === 'Finished' ? undefined : `${verdict.status}: ${verdict.problems.join(' ')}`
  try {
    await core.summary.addRaw(renderSummary({ workflowId, reports, resultsFile, notice })).write()
  } catch (error) {
    core.warning(`The job summary was not written: ${messageOf(error)}`)
  }
}
