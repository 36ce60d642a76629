import { FilestackError, messageOf } from './errors.js'
import type { FilestackClient } from './filestack.js'
import { subjectOf, type JobReport } from './job.js'
import { jobState } from './job-state.js'
import type { Source } from './sources.js'
import { logLine } from './log.js'

/** A source (or file) whose job could not be started, with the reason. */
export interface StartFailure {
  source: string
  message: string
}

const NOT_SENT_BEFORE_CANCEL = 'the run was cancelled before its run_workflow call was sent'
const UNANSWERED_BEFORE_CANCEL =
  'the run was cancelled before run_workflow answered; Filestack may have started a job anyway, so check the Filestack dashboard'

export interface StartPlan {
  workflowId: string
  sources: Source[]
  /** Filled with each source's outcome, at its position, as soon as it is known. */
  slots: Array<JobReport | StartFailure | undefined>
  /** Handle → workspace path, for sources that are uploaded files. */
  files?: Map<string, string>
  /** Called as each job starts, so it can be followed before the others have started. */
  onStarted?: (report: JobReport) => void
  /** No run call is sent after this time (ms since the epoch): a job started then could not be waited for. */
  deadline?: number
}

/**
 * Starts one job per source, as many at once as the client allows, and
 * puts each outcome in `slots` at its source's position as soon as it is
 * known, so a cancelled run still knows the jobs that did start, and the
 * sources whose call was sent but not yet answered. A refusal
 * of the credentials (401, 403) would repeat for every source, so it stops
 * the sources not yet sent instead.
 */
export async function startJobs(client: FilestackClient, plan: StartPlan): Promise<void> {
  const { workflowId, sources, slots, files = new Map(), onStarted, deadline = Infinity } = plan
  let refusal: string | undefined
  await Promise.all(
    sources.map(async (source, i) => {
      if (refusal) {
        slots[i] = { source: source.text, message: `not sent, since ${refusal}` }
        return
      }
      // What a run cancelled before the answer reports for this source.
      const subject = files.get(source.text) ?? source.text
      slots[i] = { source: subject, message: NOT_SENT_BEFORE_CANCEL }
      try {
        // Asked again when the request's turn comes (after any wait for a
        // slot or for the rate limit): a refusal meanwhile stops it. The
        // job's clock starts then, not while the request waits its turn.
        let startedAt = Date.now()
        const response = await client.runWorkflow(workflowId, source, () => {
          startedAt = Date.now()
          if (!refusal && Date.now() >= deadline) return 'the timeout passed before its turn came'
          if (!refusal) slots[i] = { source: subject, message: UNANSWERED_BEFORE_CANCEL }
          return refusal
        })
        const file = files.get(source.text)
        logLine(`Started job ${response.jobid} for ${subjectOf({ source: source.text, file })}`)
        slots[i] = {
          source: source.text,
          file,
          jobId: response.jobid,
          status: response.status,
          state: jobState(response.status),
          response,
          startedAt
        }
        onStarted?.(slots[i] as JobReport)
      } catch (error) {
        const code = error instanceof FilestackError ? error.statusCode : undefined
        if (code === 401 || code === 403) refusal ??= `an earlier source was refused with HTTP ${code}`
        slots[i] = { source: files.get(source.text) ?? source.text, message: messageOf(error) }
      }
    })
  )
}
