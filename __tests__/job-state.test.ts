import { describe, expect, it } from '@jest/globals'
import { isUnknownStatus, jobState } from '../src/job-state.js'

describe('jobState', () => {
  it.each([
    { status: 'Finished', state: 'finished' },
    { status: 'FINISHED', state: 'finished' },
    { status: ' finished ', state: 'finished' },
    { status: 'Failed', state: 'failed' },
    { status: 'failure', state: 'failed' },
    { status: 'Error', state: 'failed' },
    { status: 'errored', state: 'failed' },
    { status: 'Aborted', state: 'failed' },
    { status: 'Cancelled', state: 'failed' },
    { status: 'canceled', state: 'failed' },
    { status: 'Rejected', state: 'failed' },
    { status: 'TimedOut', state: 'failed' },
    { status: 'timed out', state: 'failed' },
    { status: 'timed_out', state: 'failed' },
    { status: 'timed-out', state: 'failed' },
    { status: 'Started', state: 'running' },
    { status: 'Pending', state: 'running' },
    { status: 'Processing', state: 'running' },
    { status: 'in progress', state: 'running' },
    { status: 'Finishing', state: 'running' },
    { status: 'Finished with errors', state: 'running' },
    { status: 'not failed', state: 'running' },
    { status: '', state: 'running' }
  ])('reads "$status" as $state', ({ status, state }) => {
    expect(jobState(status)).toBe(state)
  })
})

describe('isUnknownStatus', () => {
  it.each([
    { status: 'Started', unknown: false },
    { status: 'pending', unknown: false },
    { status: 'QUEUED', unknown: false },
    { status: 'Running', unknown: false },
    { status: 'processing', unknown: false },
    { status: 'In_Progress', unknown: false },
    { status: 'Finished', unknown: false },
    { status: 'Failed', unknown: false },
    { status: 'Sleeping', unknown: true },
    { status: 'Finished with errors', unknown: true },
    { status: '', unknown: true }
  ])('says "$status" is unknown: $unknown', ({ status, unknown }) => {
    expect(isUnknownStatus(status)).toBe(unknown)
  })
})
