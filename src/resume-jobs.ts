import { messageOf } from './errors.js'
import type { FilestackClient } from './filestack.js'
import type { JobReport, StatusResponse } from './job.js'
import { jobState } from './job-state.js'
import { logLine } from './log.js'
import { plainText } from './plain-text.js'

/**
 * Reports for jobs started earlier (by an upload, or a step with `wait:
 * false`), from one status check each. The source is the one Filestack
 * reports for the job, and the start time its `createdAt`, so durations
 * and the poll schedule count from the real start.
 */
export async function resumeJobs(client: FilestackClient, jobIds: string[]): Promise<JobReport[]> {
  return Promise.all(
    jobIds.map(async (jobId): Promise<JobReport> => {
      const now = Date.now()
      try {
        const response = await client.workflowStatus(jobId)
        logLine(`Job ${jobId} for ${plainText(sourceOf(response, jobId))}: ${plainText(response.status, 80)}`)
        return reportOf(response, jobId, now)
      } catch (error) {
        const response: StatusResponse = { jobid: jobId, status: 'Unknown' }
        return { ...reportOf(response, jobId, now), error: messageOf(error) }
      }
    })
  )
}

function reportOf(response: StatusResponse, jobId: string, now: number): JobReport {
  const created = Date.parse(String(response.createdAt))
  const state = jobState(response.status)
  return {
    source: sourceOf(response, jobId),
    jobId,
    status: response.status,
    state,
    response,
    startedAt: created <= now ? created : now,
    ...(state !== 'running' && { endedAt: Date.parse(String(response.updatedAt)) || now })
  }
}

function sourceOf(response: StatusResponse, jobId: string): string {
  const first = response.sources?.[0]
  return typeof first === 'string' && first !== '' ? first : `job ${jobId}`
}
