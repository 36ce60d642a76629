import * as core from '@actions/core'
import { messageOf } from './errors.js'
import { redactSecrets } from './secrets.js'
import { renderSummary, type SummaryInput } from './summary.js'

/**
 * Appends the run's summary to the job summary. A summary that cannot be
 * written is a warning: the outputs and the results file still hold
 * everything.
 */
export async function writeSummary(input: SummaryInput): Promise<void> {
  try {
    await core.summary.addRaw(redactSecrets(renderSummary(input))).write()
  } catch (error) {
    core.warning(`The job summary was not written: ${messageOf(error)}`)
  }
}
