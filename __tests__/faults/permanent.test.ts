import { describe, expect, it } from '@jest/globals'
import { DEMO_WORKFLOWS, type FaultRule } from '../../server/index.js'
import {
  HANDLE,
  URL_SOURCE,
  count,
  expectCompleteResultsFile,
  expectNoSecretShown,
  inputsFor,
  retryLines,
  runAction,
  secretsOf,
  signedPolicy,
  theError,
  useServer
} from '../support/faults.js'

const server = useServer()

const ADVICE_403_RUN =
  "Check that the policy has not expired, that its signature was made with this application's secret, that its call list includes runWorkflow, and that it keeps its base64 = padding."
const ADVICE_403_STATUS =
  "Check that the policy has not expired (it must outlast the wait), that its signature was made with this application's secret, that its call list includes runWorkflow or read, and that it keeps its base64 = padding."
const NOT_JSON = 'Check that base-url is the Workflows API and that no proxy answers in its place.'

/** Fault, Filestack's words as quoted, and the advice that follows them. */
const REFUSALS: Array<[string, Omit<FaultRule, 'call'>, string, { run: string; status: string }]> = [
  [
    '400',
    { kind: 'status', statusCode: 400, body: '{"error":"Invalid source"}' },
    'HTTP 400: Invalid source',
    { run: 'Check the source and the workflow ID.', status: 'Check the source and the workflow ID.' }
  ],
  [
    '401',
    { kind: 'status', statusCode: 401, body: 'invalid application' },
    'HTTP 401: invalid application',
    {
      run: 'Check api-key: it must belong to the application that owns the workflow.',
      status: 'Check api-key: it must belong to the application that owns the workflow.'
    }
  ],
  [
    '403',
    { kind: 'status', statusCode: 403, body: 'policy expired' },
    'HTTP 403: policy expired',
    { run: ADVICE_403_RUN, status: ADVICE_403_STATUS }
  ],
  [
    '404',
    { kind: 'status', statusCode: 404, body: '{"error":"not found"}' },
    'HTTP 404: not found',
    {
      run: 'Check workflow-id (the workflow must belong to this application) and, for handles, that the file exists.',
      status: 'The job is unknown to this application, or its record has expired at Filestack.'
    }
  ]
]

describe('a run_workflow call refused by Filestack', () => {
  it.each(REFUSALS)('fails at once on %s, quoting Filestack and saying what to check', async (code, rule, quoted, advice) => {
    server().inject({ call: 'run', ...rule })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(count(server(), 'status')).toBe(0)
    expect(retryLines(run)).toEqual([])
    expect(theError(run)).toBe(`Could not start a job for ${HANDLE}: run_workflow for ${HANDLE} was refused with ${quoted}. ${advice.run}`)
    expect(run.outputs.status).toBe('Failed')
    expect(run.outputs['job-ids']).toBe('[]')
    expect(run.summary).toContain(`HTTP ${code}`)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('fails at once on a 200 whose body is not the expected JSON', async () => {
    server().inject({ call: 'run', kind: 'bad-json' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(retryLines(run)).toEqual([])
    expect(theError(run)).toBe(
      `Could not start a job for ${HANDLE}: run_workflow for ${HANDLE} answered HTTP 200 without the expected JSON (jobid and status): HTTP 200: {"createdAt":"2026-01-01T00:00:00Z","jobid":". ${NOT_JSON}`
    )
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('fails at once on JSON without a job ID', async () => {
    server().inject({ call: 'run', kind: 'status', statusCode: 200, body: '{"status":"Started"}' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(theError(run)).toContain('without the expected JSON (jobid and status): HTTP 200: {"status":"Started"}')
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('refuses a job ID in the answer that would change the status path, and never sends it', async () => {
    server().inject({ call: 'run', kind: 'status', statusCode: 200, body: '{"jobid":"../../x?y#z","status":"Started"}' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(count(server(), 'status')).toBe(0)
    expect(theError(run)).toBe(
      `Could not start a job for ${HANDLE}: run_workflow for ${HANDLE} returned a job ID that is not safe to use in a URL: "../../x?y#z"`
    )
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('stops the sources not yet sent once the credentials are refused', async () => {
    const other = 'https://assets.example.com/b.png'
    const third = 'https://assets.example.com/c.png'
    const run = await runAction({
      inputs: inputsFor(server(), { sources: [HANDLE, other, third].join('\n'), 'app-secret': 'ANOTHERAPPSECRET000000000', concurrency: '1' })
    })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(theError(run)).toBe([
      `Could not start a job for ${HANDLE}: run_workflow for ${HANDLE} was refused with HTTP 403: invalid signature. ${ADVICE_403_RUN}`,
      `Could not start a job for ${other}: not sent, since an earlier source was refused with HTTP 403`,
      `Could not start a job for ${third}: not sent, since an earlier source was refused with HTTP 403`
    ].join('\n'))
    expectNoSecretShown(run, secretsOf(server(), ['ANOTHERAPPSECRET000000000']))
  })

  it('fails at once when the API key names no application', async () => {
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE, 'api-key': 'UnknownKey00000000000' }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(theError(run)).toContain('was refused with HTTP 401: invalid application. Check api-key')
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('fails at once when the workflow is not the application\'s', async () => {
    const run = await runAction({
      inputs: inputsFor(server(), { sources: HANDLE, 'workflow-id': '00000000-0000-4000-8000-000000000000' })
    })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(theError(run)).toContain('was refused with HTTP 404: workflow not found. Check workflow-id')
    expectNoSecretShown(run, secretsOf(server()))
  })

  it("fails at once when the policy's call list leaves out runWorkflow, after warning about it", async () => {
    const { policy, signature } = signedPolicy({ call: ['read'] })
    const run = await runAction({
      inputs: inputsFor(server(), { sources: HANDLE, 'app-secret': '', policy, signature })
    })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(run.stdout).toContain("::warning::The policy's call list does not include runWorkflow")
    expect(theError(run)).toBe(
      `Could not start a job for ${HANDLE}: run_workflow for ${HANDLE} was refused with HTTP 403: policy does not allow this call. ${ADVICE_403_RUN}`
    )
    expectNoSecretShown(run, secretsOf(server(), [policy, signature]))
  })
})

describe('a workflow_status call refused by Filestack', () => {
  it.each(REFUSALS)('fails at once on %s, quoting Filestack and saying what to check', async (_, rule, quoted, advice) => {
    server().inject({ call: 'status', ...rule })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'run')).toBe(1)
    expect(count(server(), 'status')).toBe(1)
    expect(retryLines(run)).toEqual([])
    const jobId = run.outputs['job-id']
    expect(theError(run)).toBe(`Could not check job ${jobId} for ${HANDLE}: workflow_status for job ${jobId} was refused with ${quoted}. ${advice.status}`)
    expect(run.outputs.status).toBe('Failed')
    const [record] = expectCompleteResultsFile(run, server())
    expect(record).toMatchObject({ jobid: jobId, status: 'Started', error: expect.stringContaining(quoted) })
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('fails at once on a 200 whose body is not the expected JSON', async () => {
    server().inject({ call: 'status', kind: 'bad-json', body: 'OK' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'status')).toBe(1)
    expect(retryLines(run)).toEqual([])
    const jobId = run.outputs['job-id']
    expect(theError(run)).toBe(
      `Could not check job ${jobId} for ${HANDLE}: workflow_status for job ${jobId} answered HTTP 200 without the expected JSON (jobid and status): HTTP 200: OK. ${NOT_JSON}`
    )
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('refuses an answer about another job', async () => {
    server().inject({ call: 'status', kind: 'status', statusCode: 200, body: '{"jobid":"other-job","status":"Finished"}' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }) })

    expect(run.code).toBe(1)
    expect(count(server(), 'status')).toBe(1)
    const jobId = run.outputs['job-id']
    expect(theError(run)).toBe(
      `Could not check job ${jobId} for ${HANDLE}: workflow_status for job ${jobId} answered for another job, "other-job"; check base-url and any proxy in between.`
    )
    expect(JSON.parse(run.outputs.jobs)[0].status).not.toBe('Finished')
  })

  it('fails at once when the policy expires during the wait, after warning that it would', async () => {
    server().configure({ jobRules: [{ durationMs: 5000 }] })
    const { policy, signature } = signedPolicy({ expiry: Math.floor(Date.now() / 1000) + 2 })
    const run = await runAction({
      inputs: inputsFor(server(), { sources: HANDLE, 'app-secret': '', policy, signature, timeout: '10s' })
    })

    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::warning::The policy expires at .*, before this run's deadline/)
    const refused = server().requests.filter((r) => r.call === 'status' && r.statusCode === 403)
    expect(refused).toHaveLength(1)
    expect(server().requests.at(-1)).toBe(refused[0])
    expect(theError(run)).toMatch(/was refused with HTTP 403: policy expired\. Check that the policy has not expired \(it must outlast the wait\)/)
    expectCompleteResultsFile(run, server())
    expectNoSecretShown(run, secretsOf(server(), [policy, signature]))
  })

  it('keeps checking the other jobs when one cannot be checked', async () => {
    server().configure({ jobRules: [{ durationMs: 300 }] })
    server().inject({ call: 'status', kind: 'status', statusCode: 404, body: 'job not found' })
    const run = await runAction({ inputs: inputsFor(server(), { sources: `${HANDLE}\n${URL_SOURCE}`, concurrency: '1' }) })

    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('Failed')
    expect(theError(run)).toMatch(/^Could not check job [\w-]+ for .*: workflow_status for job [\w-]+ was refused with HTTP 404: job not found\./)
    const records = expectCompleteResultsFile(run, server())
    expect(records.map((r) => r.status).sort()).toEqual(['Finished', 'Started'])
    expectNoSecretShown(run, secretsOf(server()))
  })
})

describe('what Filestack quotes back', () => {
  const { policy, signature } = signedPolicy({ call: ['runWorkflow', 'read', 'convert'] })
  const echo = `security=p:${policy},s:${signature}`
  const inputs = (): Record<string, string> =>
    inputsFor(server(), { sources: HANDLE, 'app-secret': '', policy, signature, 'workflow-id': DEMO_WORKFLOWS.tags })

  it.each<[string, FaultRule]>([
    ['a refusal', { call: 'run', kind: 'status', statusCode: 400, body: `{"error":"bad task ${echo}"}` }],
    ['an answer that may have started a job', { call: 'run', kind: 'status', statusCode: 500, body: `failed at ${echo}` }],
    ['retries that ran out', { call: 'status', kind: 'status', statusCode: 503, times: 5, body: `busy: ${echo}`, headers: { 'Retry-After': '0' } }],
    ['an answer that is not JSON', { call: 'status', kind: 'bad-json', body: `<${echo}>` }]
  ])('never shows the policy or the signature, in %s', async (_, rule) => {
    server().inject(rule)
    const run = await runAction({ inputs: inputs() })

    expect(run.code).toBe(1)
    expect(theError(run)).toContain('security=p:[redacted],s:[redacted]')
    expectNoSecretShown(run, secretsOf(server(), [policy, signature]))
  })
})
