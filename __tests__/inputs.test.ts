import { describe, expect, it } from '@jest/globals'
import { InputError } from '../src/errors.js'
import { readConfig, type Config, type InputReader } from '../src/inputs.js'

const WORKFLOW_ID = '67d273c3-249c-4192-b228-9c3e1d003963'
const HANDLE = 'pR4oeS63QLmYIFNs2ZvZ'
const SECRET = 'Z3IYZSH2UJA7VN3QYFVSVCF7PI'
const SIGNATURE = '4098f262b9dba23e4766ce127353aaf4f37fde0fd726d164d944e031fd862c18'
/** Well formed, but it expired in 2017: credentials.ts judges that, not readConfig. */
const OLD_POLICY = 'eyJoYW5kbGUiOiJLVzlFSmhZdFM2eTQ4V2htMlM2RCIsImV4cGlyeSI6MTUwODE0MTUwNH0='

type Inputs = Record<string, string>

/** The smallest set of inputs that makes a complete run. */
const BASE: Inputs = {
  'workflow-id': WORKFLOW_ID,
  sources: HANDLE,
  'api-key': 'AbCdEf123',
  'app-secret': SECRET
}

/** A policy signed elsewhere instead of the app secret. */
const SIGNED: Inputs = { 'app-secret': '', policy: OLD_POLICY, signature: SIGNATURE }

/** Reads inputs from a table; like the runner, an unset input reads as ''. */
function reader(inputs: Inputs): InputReader {
  return (name) => inputs[name] ?? ''
}

/** The config for BASE with some inputs changed ('' unsets one). */
function config(changes: Inputs = {}): Config {
  return readConfig(reader({ ...BASE, ...changes }))
}

function refusal(changes: Inputs): InputError {
  try {
    config(changes)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('readConfig accepted the inputs')
}

function handles(count: number): string {
  return Array.from({ length: count }, (_, i) => `h${String(i).padStart(19, '0')}`).join('\n')
}

const LONG_LINE = `https://example.com/${'a'.repeat(5000)}`
const SPLIT_ID = `${WORKFLOW_ID.slice(0, 8)}\n${WORKFLOW_ID.slice(8)}`
const BASE64_SIGNATURE = Buffer.from(SIGNATURE, 'hex').toString('base64')

describe('readConfig', () => {
  it('fills in the defaults', () => {
    expect(config()).toMatchObject({
      workflowId: WORKFLOW_ID,
      sources: [{ text: HANDLE, kind: 'handle' }],
      apiKey: 'AbCdEf123',
      credentials: { kind: 'secret', appSecret: SECRET },
      wait: true,
      timeoutMs: 15 * 60 * 1000,
      pollIntervalMs: 1000,
      concurrency: 10,
      shard: undefined,
      baseUrl: 'https://cdn.filestackcontent.com',
      summary: true
    })
  })

  it.each<{ name: string; changes: Inputs; expected: Partial<Config> }>([
    {
      name: 'an upper-case workflow UUID',
      changes: { 'workflow-id': WORKFLOW_ID.toUpperCase() },
      expected: { workflowId: WORKFLOW_ID.toUpperCase() }
    },
    { name: 'a timeout in seconds', changes: { timeout: '90' }, expected: { timeoutMs: 90_000 } },
    {
      name: 'a timeout of a day',
      changes: { timeout: '24h' },
      expected: { timeoutMs: 86_400_000 }
    },
    { name: 'a timeout of one second', changes: { timeout: '1s' }, expected: { timeoutMs: 1000 } },
    {
      name: 'a poll-interval of 0.1s',
      changes: { 'poll-interval': '0.1s' },
      expected: { pollIntervalMs: 100 }
    },
    {
      name: 'a poll-interval of 10 minutes',
      changes: { 'poll-interval': '10m' },
      expected: { pollIntervalMs: 600_000 }
    },
    { name: 'a concurrency of 1', changes: { concurrency: '1' }, expected: { concurrency: 1 } },
    {
      name: 'a concurrency of 100',
      changes: { concurrency: '100' },
      expected: { concurrency: 100 }
    },
    { name: 'wait FALSE in capitals', changes: { wait: 'FALSE' }, expected: { wait: false } },
    { name: 'summary false', changes: { summary: 'false' }, expected: { summary: false } },
    { name: 'summary True', changes: { summary: 'True' }, expected: { summary: true } },
    {
      name: 'a loopback base-url by name',
      changes: { 'base-url': 'http://localhost:1' },
      expected: { baseUrl: 'http://localhost:1' }
    },
    {
      name: 'a loopback base-url by address',
      changes: { 'base-url': 'http://127.0.0.1:1' },
      expected: { baseUrl: 'http://127.0.0.1:1' }
    },
    {
      name: 'an IPv6 loopback base-url',
      changes: { 'base-url': 'http://[::1]:8080' },
      expected: { baseUrl: 'http://[::1]:8080' }
    },
    {
      name: 'a base-url with a path and trailing slashes',
      changes: { 'base-url': 'https://proxy.example.com/filestack//' },
      expected: { baseUrl: 'https://proxy.example.com/filestack' }
    },
    {
      name: 'a shard',
      changes: { sources: handles(5), shard: '2/2' },
      expected: { shard: { index: 2, total: 2 } }
    }
  ])('accepts $name', ({ changes, expected }) => {
    expect(config(changes)).toMatchObject(expected)
  })

  it('keeps only the shard\'s sources', () => {
    const sources = config({ sources: handles(5), shard: '2/2' }).sources.map((s) => s.text)
    expect(sources).toEqual(['h0000000000000000001', 'h0000000000000000003'])
  })

  it('refuses fail-if without waiting: the rule judges finished jobs', () => {
    expect(() => config({ 'fail-if': 'tasks.sfw.sfw', wait: 'false' })).toThrow("Input 'fail-if': judges finished jobs, so it needs wait: true")
  })

  it('refuses a fail-if rule that calls a function JMESPath does not have', () => {
    expect(() => config({ 'fail-if': 'nope(tasks)' })).toThrow("Input 'fail-if': is not a valid JMESPath expression: Unknown function: nope()")
  })

  it('needs an api-key to take up jobs started earlier, even without waiting', () => {
    expect(() => config({ sources: '', 'job-ids': 'abc-123', wait: 'false', 'api-key': '' })).toThrow("Input 'api-key': is required to check the status of jobs started earlier")
  })

  it('takes an empty JSON list of job IDs as nothing to do', () => {
    expect(config({ sources: '', 'job-ids': '[]' }).jobIds).toEqual([])
  })

  it('leaves a shard with no sources nothing to do, rather than failing', () => {
    expect(config({ sources: handles(1), shard: '2/2' }).sources).toEqual([])
  })

  it.each(['https://cdn.filestack\ncontent.com', 'https://cdn.filestack\tcontent.com', 'https://cdn.example.com/a b'])(
    'refuses a base-url with a space or control character: %j',
    (baseUrl) => {
      expect(() => config({ 'base-url': baseUrl })).toThrow("Input 'base-url': must not contain spaces or control characters")
    }
  )

  it('runs handles without an api-key when it does not wait', () => {
    const result = config({ 'api-key': '', wait: 'false' })
    expect(result.apiKey).toBeUndefined()
    expect(result.wait).toBe(false)
  })

  it('takes a policy signed elsewhere, without judging its expiry', () => {
    const result = config({ ...SIGNED, signature: SIGNATURE.toUpperCase() })
    expect(result.credentials).toEqual({ kind: 'signed', policy: OLD_POLICY, signature: SIGNATURE })
  })

  it.each<{ name: string; changes: Inputs; input: string; message: RegExp }>([
    // workflow-id
    {
      name: 'a missing workflow-id',
      changes: { 'workflow-id': '' },
      input: 'workflow-id',
      message: /is required/
    },
    {
      name: 'a workflow name instead of its UUID',
      changes: { 'workflow-id': 'resize-images' },
      input: 'workflow-id',
      message: /expected a workflow UUID/
    },
    {
      name: 'a UUID without dashes',
      changes: { 'workflow-id': WORKFLOW_ID.replace(/-/g, '') },
      input: 'workflow-id',
      message: /UUID/
    },
    {
      name: '../ in workflow-id',
      changes: { 'workflow-id': `../${WORKFLOW_ID}` },
      input: 'workflow-id',
      message: /UUID/
    },
    {
      name: 'a path after the workflow-id',
      changes: { 'workflow-id': `${WORKFLOW_ID}/../x` },
      input: 'workflow-id',
      message: /UUID/
    },
    {
      name: 'a newline inside workflow-id',
      changes: { 'workflow-id': SPLIT_ID },
      input: 'workflow-id',
      message: /UUID/
    },
    {
      name: 'a newline after workflow-id',
      changes: { 'workflow-id': `${WORKFLOW_ID}\n` },
      input: 'workflow-id',
      message: /UUID/
    },
    {
      name: 'fullwidth digits in workflow-id',
      changes: { 'workflow-id': WORKFLOW_ID.replace('6', '６') },
      input: 'workflow-id',
      message: /UUID/
    },
    // sources and shard
    { name: 'no sources', changes: { sources: '' }, input: 'sources', message: /is required/ },
    {
      name: 'sources that are all comments',
      changes: { sources: '# none yet\n\n' },
      input: 'sources',
      message: /is required/
    },
    {
      name: 'an ftp source',
      changes: { sources: 'ftp://example.com/a.png' },
      input: 'sources',
      message: /line 1/
    },
    {
      name: 'a javascript: source',
      changes: { sources: `${HANDLE}\njavascript:alert(1)` },
      input: 'sources',
      message: /line 2/
    },
    {
      name: 'a repeated source',
      changes: { sources: `${HANDLE}\n${HANDLE}` },
      input: 'sources',
      message: /repeats/
    },
    {
      name: 'a very long source line',
      changes: { sources: LONG_LINE },
      input: 'sources',
      message: /longer than 3000/
    },
    {
      name: '5000 sources',
      changes: { sources: handles(5000) },
      input: 'sources',
      message: /5000 sources .* most is 1000/
    },
    { name: 'a bad shard', changes: { shard: '3/2' }, input: 'shard', message: /expected K\/N/ },
    // api-key
    {
      name: 'a URL source without api-key',
      changes: { 'api-key': '', sources: 'https://example.com/a.png' },
      input: 'api-key',
      message: /required for URL and storage-alias sources/
    },
    {
      name: 'an alias source without api-key, even without waiting',
      changes: { 'api-key': '', sources: 'src://alias/a.png', wait: 'false' },
      input: 'api-key',
      message: /src:\/\/alias\/a\.png/
    },
    {
      name: 'wait true without api-key',
      changes: { 'api-key': '' },
      input: 'api-key',
      message: /check job status/
    },
    {
      name: 'an api-key with a slash',
      changes: { 'api-key': 'abc/../def' },
      input: 'api-key',
      message: /only letters/
    },
    {
      name: 'an api-key with a newline',
      changes: { 'api-key': 'abc\ndef' },
      input: 'api-key',
      message: /only letters/
    },
    // credentials
    {
      name: 'no app-secret and no policy',
      changes: { 'app-secret': '' },
      input: 'app-secret',
      message: /is required unless policy and signature/
    },
    {
      name: 'a policy without signature',
      changes: { ...SIGNED, signature: '' },
      input: 'signature',
      message: /required when policy is given/
    },
    {
      name: 'a signature without policy',
      changes: { ...SIGNED, policy: '' },
      input: 'policy',
      message: /required when signature is given/
    },
    {
      name: 'app-secret together with policy',
      changes: { policy: OLD_POLICY, signature: SIGNATURE },
      input: 'app-secret',
      message: /not both/
    },
    {
      name: 'app-secret together with a signature',
      changes: { signature: SIGNATURE },
      input: 'app-secret',
      message: /not both/
    },
    {
      name: 'a signature that is not hex',
      changes: { ...SIGNED, signature: 'z'.repeat(64) },
      input: 'signature',
      message: /64 hexadecimal characters/
    },
    {
      name: 'a signature one character short',
      changes: { ...SIGNED, signature: SIGNATURE.slice(1) },
      input: 'signature',
      message: /64 hexadecimal/
    },
    {
      name: 'a base64 signature',
      changes: { ...SIGNED, signature: BASE64_SIGNATURE },
      input: 'signature',
      message: /hex/
    },
    // durations and numbers
    {
      name: 'timeout abc',
      changes: { timeout: 'abc' },
      input: 'timeout',
      message: /expected seconds, or a number/
    },
    {
      name: 'timeout 0',
      changes: { timeout: '0' },
      input: 'timeout',
      message: /between 1s and 86400s/
    },
    {
      name: 'timeout -5',
      changes: { timeout: '-5' },
      input: 'timeout',
      message: /expected seconds/
    },
    {
      name: 'timeout 10x',
      changes: { timeout: '10x' },
      input: 'timeout',
      message: /expected seconds/
    },
    {
      name: 'timeout 25h',
      changes: { timeout: '25h' },
      input: 'timeout',
      message: /between 1s and 86400s/
    },
    {
      name: 'timeout 500ms',
      changes: { timeout: '500ms' },
      input: 'timeout',
      message: /between 1s/
    },
    {
      name: 'poll-interval 0.01s',
      changes: { 'poll-interval': '0.01s' },
      input: 'poll-interval',
      message: /between 0.1s/
    },
    {
      name: 'poll-interval 11m',
      changes: { 'poll-interval': '11m' },
      input: 'poll-interval',
      message: /and 600s/
    },
    {
      name: 'concurrency 0',
      changes: { concurrency: '0' },
      input: 'concurrency',
      message: /whole number from 1 to 100/
    },
    {
      name: 'concurrency abc',
      changes: { concurrency: 'abc' },
      input: 'concurrency',
      message: /whole number/
    },
    {
      name: 'concurrency 1.5',
      changes: { concurrency: '1.5' },
      input: 'concurrency',
      message: /whole number/
    },
    {
      name: 'concurrency -1',
      changes: { concurrency: '-1' },
      input: 'concurrency',
      message: /whole number/
    },
    {
      name: 'concurrency 101',
      changes: { concurrency: '101' },
      input: 'concurrency',
      message: /from 1 to 100/
    },
    {
      name: 'concurrency 1e2',
      changes: { concurrency: '1e2' },
      input: 'concurrency',
      message: /whole number/
    },
    // base-url
    {
      name: 'a plain-http base-url off loopback',
      changes: { 'base-url': 'http://example.com' },
      input: 'base-url',
      message: /must use https/
    },
    {
      name: 'a host that only starts with localhost',
      changes: { 'base-url': 'http://localhost.example.com' },
      input: 'base-url',
      message: /must use https/
    },
    {
      name: 'an ftp base-url',
      changes: { 'base-url': 'ftp://example.com' },
      input: 'base-url',
      message: /must use https/
    },
    {
      name: 'a base-url with a query',
      changes: { 'base-url': 'https://x?y' },
      input: 'base-url',
      message: /query string/
    },
    {
      name: 'a base-url with an empty query',
      changes: { 'base-url': 'https://example.com/?' },
      input: 'base-url',
      message: /query string/
    },
    {
      name: 'a base-url with a fragment',
      changes: { 'base-url': 'https://example.com/#x' },
      input: 'base-url',
      message: /fragment/
    },
    {
      name: 'a base-url with credentials',
      changes: { 'base-url': 'https://user:pw@example.com' },
      input: 'base-url',
      message: /credentials/
    },
    {
      name: 'a base-url without a scheme',
      changes: { 'base-url': 'cdn.filestackcontent.com' },
      input: 'base-url',
      message: /not a valid URL/
    },
    // booleans
    {
      name: 'wait yes',
      changes: { wait: 'yes' },
      input: 'wait',
      message: /expected true or false/
    },
    {
      name: 'summary 1',
      changes: { summary: '1' },
      input: 'summary',
      message: /expected true or false/
    },
    // inputs for uploads, earlier jobs, rules and comments
    {
      name: 'job-ids together with sources',
      changes: { 'job-ids': 'abc123' },
      input: 'job-ids',
      message: /leave sources/
    },
    {
      name: 'a job ID with a slash',
      changes: { sources: '', 'job-ids': 'abc/../def' },
      input: 'job-ids',
      message: /is not a job ID/
    },
    {
      name: 'a job ID listed twice',
      changes: { sources: '', 'job-ids': 'abc123\nabc123' },
      input: 'job-ids',
      message: /twice/
    },
    {
      name: 'files without api-key',
      changes: { 'api-key': '', sources: '', files: 'images/*.png' },
      input: 'api-key',
      message: /upload files/
    },
    {
      name: 'changed-only without files',
      changes: { 'changed-only': 'true' },
      input: 'changed-only',
      message: /set the files input/
    },
    {
      name: 'comment without github-token',
      changes: { comment: 'true' },
      input: 'github-token',
      message: /is required/
    },
    {
      name: 'a plain-http upload-url off loopback',
      changes: { 'upload-url': 'http://example.com' },
      input: 'upload-url',
      message: /must use https/
    },
    {
      name: 'a fail-if that is not JMESPath',
      changes: { 'fail-if': 'status ==' },
      input: 'fail-if',
      message: /not a valid JMESPath expression/
    }
  ])('refuses $name', ({ changes, input, message }) => {
    const error = refusal(changes)
    expect(error.input).toBe(input)
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `))
    expect(error.message).toMatch(message)
  })

  it('never puts the app secret into an error message', () => {
    expect(refusal({ policy: OLD_POLICY, signature: SIGNATURE }).message).not.toContain(SECRET)
  })

  it('reports the first bad input when several are wrong', () => {
    expect(refusal({ 'workflow-id': 'x', timeout: 'abc', wait: 'yes' }).input).toBe('workflow-id')
  })
})
