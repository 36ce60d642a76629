import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { maskSecret, redactSecrets } from '../src/secrets.js'

let written: string[] = []
const write = process.stdout.write.bind(process.stdout)

beforeEach(() => {
  written = []
  process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write
})
afterEach(() => {
  process.stdout.write = write
})

const masks = (): string[] => written.join('').split('\n').filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice(12).replace(/%25/g, '%'))

describe('maskSecret', () => {
  it('masks a policy with and without its padding, and its escaped forms in either case', () => {
    const policy = 'eyJleHBpcnkiOjE1MDgxNDE1MDR9PQ=='
    maskSecret(policy)
    expect(masks()).toEqual(expect.arrayContaining([policy, 'eyJleHBpcnkiOjE1MDgxNDE1MDR9PQ', `${policy.slice(0, -2)}%3D%3D`, `${policy.slice(0, -2)}%3d%3d`]))
  })

  it('masks a hex signature in both cases', () => {
    const signature = '4098f262b9dba23e4766ce127353aaf4f37fde0fd726d164d944e031fd862c18'
    maskSecret(signature)
    expect(masks()).toEqual(expect.arrayContaining([signature, signature.toUpperCase()]))
  })

  it('redacts every masked form from text', () => {
    maskSecret('Z3IYZSH2UJA7VN3QYFVSVCF7PI')
    expect(redactSecrets('key z3iyzsh2uja7vn3qyfvsvcf7pi and Z3IYZSH2UJA7VN3QYFVSVCF7PI')).toBe('key [redacted] and [redacted]')
  })

  it('masks a very short secret itself, but none of its even shorter forms', () => {
    maskSecret('ab=')
    expect(masks()).toContain('ab=')
    expect(masks()).not.toContain('ab')
  })
})
