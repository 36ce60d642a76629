import { describe, expect, it } from '@jest/globals'
import { DEMO_API_KEY, DEMO_APP_SECRET, DEMO_WORKFLOWS } from '../../server/index.js'
import {
  HANDLE,
  URL_SOURCE,
  expectNoSecretShown,
  inputsFor,
  runAction,
  secretsOf,
  signedPolicy,
  useServer
} from '../support/faults.js'

const server = useServer()

function debugLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::debug::'))
}

describe('step debug logging', () => {
  it('shows each request URL with its security segment redacted', async () => {
    const run = await runAction({
      inputs: inputsFor(server(), { sources: `${HANDLE}\n${URL_SOURCE}`, concurrency: '1' }),
      env: { RUNNER_DEBUG: '1' }
    })

    expect(run.code).toBe(0)
    const ids = JSON.parse(run.outputs['job-ids']) as string[]
    const prefix = `::debug::GET ${server().url}/${DEMO_API_KEY}/security=[redacted]`
    const run1 = `${prefix}/run_workflow=id:${DEMO_WORKFLOWS.moderation}`
    expect(debugLines(run.stdout)).toEqual(expect.arrayContaining([
      `${run1}/${HANDLE} -> 200`,
      `${run1}/${URL_SOURCE} -> 200`,
      `${prefix}/workflow_status=job_id:${ids[0]} -> 200`,
      `${prefix}/workflow_status=job_id:${ids[1]} -> 200`
    ]))
    expect(debugLines(run.stdout).every((line) => line.includes('/security=[redacted]/'))).toBe(true)
    expectNoSecretShown(run, secretsOf(server()))
  })

  it('masks the secret, the policy and the signature before the first request', async () => {
    const run = await runAction({ inputs: inputsFor(server(), { sources: HANDLE }), env: { RUNNER_DEBUG: '1' } })

    expect(run.code).toBe(0)
    const [secret, policy, signature] = secretsOf(server())
    expect(secret).toBe(DEMO_APP_SECRET)
    const firstRequest = run.stdout.indexOf('::debug::GET')
    for (const value of [secret, policy, signature]) {
      const mask = run.stdout.indexOf(`::add-mask::${value}\n`)
      expect(mask).toBeGreaterThanOrEqual(0)
      expect(mask).toBeLessThan(firstRequest)
    }
    expectNoSecretShown(run, [secret, policy, signature])
  })

  it('masks a policy signed elsewhere before anything else is logged', async () => {
    const { policy, signature } = signedPolicy()
    const run = await runAction({
      inputs: inputsFor(server(), { sources: URL_SOURCE, 'app-secret': '', policy, signature }),
      env: { RUNNER_DEBUG: '1' }
    })

    expect(run.code).toBe(0)
    const firstOther = run.stdout.split('\n').findIndex((line) => !line.startsWith('::add-mask::'))
    const masks = run.stdout.split('\n').slice(0, firstOther)
    expect(masks).toEqual(expect.arrayContaining([`::add-mask::${policy}`, `::add-mask::${signature}`]))
    expect(debugLines(run.stdout)).toContain(
      `::debug::GET ${server().url}/${DEMO_API_KEY}/security=[redacted]/run_workflow=id:${DEMO_WORKFLOWS.moderation}/${URL_SOURCE} -> 200`
    )
    expectNoSecretShown(run, [policy, signature])
  })
})
