import { formatDuration } from './duration.js'
import type { JobReport } from './job.js'
import { logLine } from './log.js'

/** How often the progress line is logged while jobs are running. */
export const PROGRESS_EVERY_MS = 5000

/** The progress line: finished, failed and running out of all jobs. */
export function progressLine(reports: JobReport[], elapsedMs: number): string {
  const count = (state: string): number => reports.filter((r) => r.state === state).length
  return `Waiting ${formatDuration(elapsedMs)}: ${count('finished')} finished, ${count('failed')} failed, ${count('running')} running of ${reports.length}`
}

/** Logs the progress line every few seconds while any job runs; returns the timer to clear. */
export function logProgress(reports: JobReport[]): NodeJS.Timeout {
  const start = Date.now()
  const timer = setInterval(() => {
    if (reports.some((r) => r.state === 'running')) logLine(progressLine(reports, Date.now() - start))
  }, PROGRESS_EVERY_MS)
  timer.unref()
  return timer
}
