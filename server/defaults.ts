import { readFileSync } from 'node:fs'

export const DEMO_API_KEY = 'AdemoKeyLocal0000000z'
export const DEMO_APP_SECRET = 'LOCALDEMOSECRET0000000000'

/** The workflow ids of the documented sample responses. */
export const DEMO_WORKFLOWS: { moderation: string; tags: string } = {
  moderation: 'b1f0c7a2-5e55-4d8e-8a0e-2f6d9c3b7e10',
  tags: '67d273c3-249c-4192-b228-9c3e1d003023'
}

/** Seconds a finished job stays retrievable, as the service reports it. */
export const JOB_TTL = 172800

type Json = Record<string, unknown>

export function loadSample(name: string): Json {
  const file = new URL(`./samples/${name}.json`, import.meta.url)
  return JSON.parse(readFileSync(file, 'utf8')) as Json
}

function sampleResults(name: string): Json {
  return loadSample(name).results as Json
}

export function defaultApps(): Record<string, string> {
  return { [DEMO_API_KEY]: DEMO_APP_SECRET }
}

export function defaultWorkflows(): Record<string, Json> {
  return {
    [DEMO_WORKFLOWS.moderation]: sampleResults('status-finished-moderation'),
    [DEMO_WORKFLOWS.tags]: sampleResults('status-finished-tags')
  }
}
