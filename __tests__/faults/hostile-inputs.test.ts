import { describe, expect, it } from '@jest/globals'
import { DEMO_APP_SECRET, DEMO_WORKFLOWS } from '../../server/index.js'
import {
  HANDLE,
  URL_SOURCE,
  errors,
  expectNoSecretShown,
  inputsFor,
  runAction,
  signedPolicy,
  useServer
} from '../support/faults.js'

const server = useServer()

const UUID = DEMO_WORKFLOWS.moderation
const valid = signedPolicy()
const expired = signedPolicy({ expiry: Math.floor(Date.now() / 1000) - 60 })
const noExpiry = (() => {
  const policy = Buffer.from('{"call":["runWorkflow"]}').toString('base64url')
  return { policy: `${policy}${'='.repeat((4 - (policy.length % 4)) % 4)}`, signature: valid.signature }
})()
/** A policy whose base64 ends in = padding, with the padding cut off. */
const unpadded = (() => {
  const padded = ['', 'a', 'aa'].map((pad) => signedPolicy({ pad })).find(({ policy }) => policy.endsWith('='))!
  return { policy: padded.policy.replace(/=+$/, ''), signature: padded.signature }
})()
const manyHandles = Array.from({ length: 1500 }, (_, i) => `h${String(i).padStart(19, '0')}`).join('\n')

/** The input the one error must name, and what is set on top of valid inputs. */
const HOSTILE: Array<[string, string, Record<string, string>]> = [
  ['workflow-id', 'empty', { 'workflow-id': '' }],
  ['workflow-id', 'whitespace only', { 'workflow-id': ' \t  ' }],
  ['workflow-id', 'a parent path', { 'workflow-id': '../../security=p:x,s:y' }],
  ['workflow-id', 'a UUID followed by a path', { 'workflow-id': `${UUID}/../../x` }],
  ['workflow-id', 'a UUID with a query string', { 'workflow-id': `${UUID}?x=1` }],
  ['workflow-id', 'a UUID with a fragment', { 'workflow-id': `${UUID}#x` }],
  ['workflow-id', 'a UUID with a second line', { 'workflow-id': `${UUID}\nrun_workflow=id:${UUID}` }],
  ['workflow-id', 'look-alike Cyrillic letters', { 'workflow-id': UUID.replace(/e/g, '\u0435') }],
  ['workflow-id', 'fullwidth digits', { 'workflow-id': UUID.replace(/1/g, '\uff11') }],
  ['workflow-id', 'a very long value', { 'workflow-id': 'a'.repeat(100_000) }],
  ['sources', 'empty', { sources: '' }],
  ['sources', 'blank lines and comments only', { sources: '  \n\t\n# nothing here\n' }],
  ['sources', 'an escape sequence', { sources: 'https://assets.example.com/\u001b[31mred.png' }],
  ['sources', 'a carriage return inside a line', { sources: 'https://assets.example.com/a\rb.png' }],
  ['sources', 'a line separator inside a line', { sources: 'https://assets.example.com/a\u2028b.png' }],
  ['sources', 'an ftp: URL', { sources: 'ftp://assets.example.com/x.png' }],
  ['sources', 'a javascript: URL', { sources: 'javascript:alert(document.cookie)' }],
  ['sources', 'a data: URL', { sources: 'data:text/html,<script>alert(1)</script>' }],
  ['sources', 'a file: URL', { sources: 'file:///etc/passwd' }],
  ['sources', 'a look-alike fullwidth scheme', { sources: '\uff48ttps://assets.example.com/x.png' }],
  ['sources', 'a handle with a look-alike letter', { sources: HANDLE.replace('o', '\u043e') }],
  ['sources', 'a handle one character short', { sources: HANDLE.slice(1) }],
  ['sources', 'a URL without a host', { sources: 'https://' }],
  ['sources', 'a URL with a space in the host', { sources: 'https://assets.exa mple.com/x.png' }],
  ['sources', 'a URL with a broken IPv6 host', { sources: 'http://[::1/x.png' }],
  ['sources', 'an alias without a name or path', { sources: 'src://' }],
  ['sources', 'an alias without a path', { sources: 'src://brand-assets' }],
  ['sources', 'an alias with an empty name', { sources: 'src:///hero.jpg' }],
  ['sources', 'an alias with a look-alike colon', { sources: 'src\uff1a//brand-assets/hero.jpg' }],
  ['sources', 'a line of 4000 characters', { sources: `https://assets.example.com/${'a'.repeat(4000)}` }],
  ['sources', 'thousands of sources', { sources: manyHandles }],
  ['sources', 'a repeated line', { sources: `${HANDLE}\n${URL_SOURCE}\n${HANDLE}` }],
  ['api-key', 'a path in the key', { 'api-key': 'AdemoKeyLocal0000000z/../x' }],
  ['api-key', 'a second line', { 'api-key': 'AdemoKeyLocal0000000z\nsecurity=p:x,s:y' }],
  ['api-key', 'look-alike letters', { 'api-key': 'A\u0434emoKeyLocal0000000z' }],
  ['api-key', 'none for a URL source', { 'api-key': '', sources: URL_SOURCE }],
  ['app-secret', 'both a secret and a policy', { policy: valid.policy, signature: valid.signature }],
  ['app-secret', 'neither a secret nor a policy', { 'app-secret': '' }],
  ['signature', 'a policy without a signature', { 'app-secret': '', policy: valid.policy }],
  ['policy', 'a signature without a policy', { 'app-secret': '', signature: valid.signature }],
  ['signature', 'a signature that is not hex', { 'app-secret': '', policy: valid.policy, signature: 'z'.repeat(64) }],
  ['signature', 'a signature of the wrong length', { 'app-secret': '', policy: valid.policy, signature: valid.signature.slice(2) }],
  ['policy', 'an expired policy', { 'app-secret': '', ...expired }],
  ['policy', 'a policy that is not base64', { 'app-secret': '', policy: 'not a policy!', signature: valid.signature }],
  ['policy', 'a policy without its = padding', { 'app-secret': '', ...unpadded }],
  ['policy', 'a policy with a path in it', { 'app-secret': '', policy: `${valid.policy}/../x`, signature: valid.signature }],
  ['policy', 'a policy without an expiry', { 'app-secret': '', ...noExpiry }],
  ['base-url', 'an ftp: URL', { 'base-url': 'ftp://127.0.0.1/' }],
  ['base-url', 'a javascript: URL', { 'base-url': 'javascript:alert(1)' }],
  ['base-url', 'a data: URL', { 'base-url': 'data:text/plain,hello' }],
  ['base-url', 'a file: URL', { 'base-url': 'file:///tmp/filestack' }],
  ['base-url', 'plain http to another host', { 'base-url': 'http://cdn.filestackcontent.com' }],
  ['base-url', 'plain http to a look-alike of loopback', { 'base-url': 'http://127.0.0.1.example.com' }],
  ['base-url', 'credentials in the URL', { 'base-url': 'https://user:pass@cdn.filestackcontent.com' }],
  ['base-url', 'a query string', { 'base-url': 'https://cdn.filestackcontent.com/?x=1' }],
  ['base-url', 'a host name only', { 'base-url': 'cdn.filestackcontent.com' }],
  ['timeout', 'zero', { timeout: '0' }],
  ['timeout', 'words', { timeout: 'ten minutes' }],
  ['timeout', 'a negative number', { timeout: '-5' }],
  ['timeout', 'more than a day', { timeout: '25h' }],
  ['poll-interval', 'zero', { 'poll-interval': '0' }],
  ['concurrency', 'zero', { concurrency: '0' }],
  ['concurrency', 'trailing letters', { concurrency: '10abc' }],
  ['wait', 'neither true nor false', { wait: 'yes' }],
  ['summary', 'neither true nor false', { summary: 'maybe' }],
  ['shard', 'a zero index', { shard: '0/2' }],
  ['shard', 'an index past the count', { shard: '3/2' }],
  ['job-ids', 'a job ID with a parent path', { sources: '', 'job-ids': '../../x' }],
  ['job-ids', 'a job ID with a query string', { sources: '', 'job-ids': 'abc?x=1' }],
  ['job-ids', 'a job ID with a fragment', { sources: '', 'job-ids': 'abc#x' }]
]

describe('a hostile input', () => {
  it.each(HOSTILE)('fails on %s (%s) with one error naming it, and sends nothing', async (name, _, overrides) => {
    const inputs = inputsFor(server(), { sources: HANDLE, ...overrides })
    const run = await runAction({ inputs })

    expect(run.code).toBe(1)
    const lines = errors(run)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^::error::Input '${name}': `))
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
    expect(server().requests).toHaveLength(0)
    expectNoSecretShown(run, [DEMO_APP_SECRET, inputs.policy, inputs.signature].filter((s): s is string => Boolean(s)))
  })
})
