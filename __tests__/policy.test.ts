import { describe, expect, it } from '@jest/globals'
import { decodePolicy, encodePolicy, signPolicy, toUrlSafe } from '../src/policy.js'

/** Padded URL-safe base64 of some text, for building policies by hand. */
function encoded(json: string): string {
  return toUrlSafe(Buffer.from(json, 'utf8').toString('base64'))
}

describe('encodePolicy and signPolicy', () => {
  it('match the vector from the Filestack docs byte for byte', () => {
    const policy = encodePolicy({ handle: 'KW9EJhYtS6y48Whm2S6D', expiry: 1508141504 })
    expect(policy).toBe('eyJoYW5kbGUiOiJLVzlFSmhZdFM2eTQ4V2htMlM2RCIsImV4cGlyeSI6MTUwODE0MTUwNH0=')
    expect(signPolicy(policy, 'Z3IYZSH2UJA7VN3QYFVSVCF7PI')).toBe(
      '4098f262b9dba23e4766ce127353aaf4f37fde0fd726d164d944e031fd862c18'
    )
  })

  it('signs the encoded string from the filestack-python docstring byte for byte', () => {
    const policy = 'eyJjYWxsIjogWyJyZWFkIl0sICJleHBpcnkiOiAxNTYyNzYzMTQ2fQ=='
    expect(signPolicy(policy, 'SECURITY-SECRET')).toBe(
      '89f1325dca54cfce976163fb692bb266f28129525b8c6bb0eeadf4b7d450e2f0'
    )
  })

  it('writes compact JSON', () => {
    const policy = encodePolicy({ expiry: 1577899800 })
    expect(policy).toBe('eyJleHBpcnkiOjE1Nzc4OTk4MDB9')
    expect(Buffer.from(policy, 'base64').toString()).toBe('{"expiry":1577899800}')
  })

  it('uses - and _ where standard base64 has + and /, and keeps the = padding', () => {
    const policy = { expiry: 1700000000, url: '~~~???a' }
    expect(Buffer.from(JSON.stringify(policy)).toString('base64')).toBe(
      'eyJleHBpcnkiOjE3MDAwMDAwMDAsInVybCI6In5+fj8/P2EifQ=='
    )
    expect(encodePolicy(policy)).toBe('eyJleHBpcnkiOjE3MDAwMDAwMDAsInVybCI6In5-fj8_P2EifQ==')
  })

  it('gives a lowercase hex signature of 64 characters', () => {
    expect(signPolicy(encodePolicy({ expiry: 1 }), 'secret')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives a different signature for a different secret', () => {
    const policy = encodePolicy({ expiry: 1 })
    expect(signPolicy(policy, 'a')).not.toBe(signPolicy(policy, 'b'))
  })

  it('reads back what it wrote', () => {
    const policy = { expiry: 1700000000, call: ['runWorkflow', 'read'], url: '~~~???a' }
    expect(decodePolicy(encodePolicy(policy))).toEqual(policy)
  })
})

describe('decodePolicy', () => {
  it.each([
    {
      name: 'the docs vector',
      text: 'eyJoYW5kbGUiOiJLVzlFSmhZdFM2eTQ4V2htMlM2RCIsImV4cGlyeSI6MTUwODE0MTUwNH0=',
      policy: { handle: 'KW9EJhYtS6y48Whm2S6D', expiry: 1508141504 }
    },
    {
      name: 'the python vector',
      text: 'eyJjYWxsIjogWyJyZWFkIl0sICJleHBpcnkiOiAxNTYyNzYzMTQ2fQ==',
      policy: { call: ['read'], expiry: 1562763146 }
    },
    {
      name: 'an expiry-only policy',
      text: 'eyJleHBpcnkiOjE1Nzc4OTk4MDB9',
      policy: { expiry: 1577899800 }
    },
    {
      name: 'a URL-safe policy with padding',
      text: 'eyJleHBpcnkiOjE3MDAwMDAwMDAsInVybCI6In5-fj8_P2EifQ==',
      policy: { expiry: 1700000000, url: '~~~???a' }
    },
    {
      name: 'an expiry written with an exponent',
      text: encoded('{"expiry":1.7e9}'),
      policy: { expiry: 1700000000 }
    }
  ])('reads $name', ({ text, policy }) => {
    expect(decodePolicy(text)).toEqual(policy)
  })

  it.each([
    {
      name: 'an unpadded policy',
      text: 'eyJleHBpcnkiOjE3MDAwMDAwMDAsInVybCI6In5-fj8_P2EifQ',
      reason: /padding/
    },
    {
      name: 'a policy missing one =',
      text: 'eyJleHBpcnkiOjE3MDAwMDAwMDAsInVybCI6In5-fj8_P2EifQ=',
      reason: /padding/
    },
    {
      name: 'the standard alphabet',
      text: 'eyJleHBpcnkiOjE3MDAwMDAwMDAsInVybCI6In5+fj8/P2EifQ==',
      reason: /URL-safe/
    },
    { name: 'too much padding', text: 'eyJleHBpcnkiOjE1Nzc4OTk4MDB9====', reason: /padding/ },
    { name: 'padding in the middle', text: 'eyJl=HBpcnkiOjE1Nzc4OTk4MDB9', reason: /padding/ },
    { name: 'an empty string', text: '', reason: /padding/ },
    { name: 'spaces', text: 'eyJl HBpcnkiOjE1Nzc4OTk4MDB9', reason: /URL-safe/ },
    { name: 'a trailing newline', text: 'eyJleHBpcnkiOjE1Nzc4OTk4MDB9\n', reason: /URL-safe/ },
    { name: 'text that is not JSON', text: encoded('expiry=1700000000'), reason: /JSON/ },
    { name: 'truncated JSON', text: encoded('{"expiry":17000'), reason: /JSON/ },
    { name: 'JSON null', text: encoded('null'), reason: /expiry/ },
    { name: 'a JSON number', text: encoded('1700000000'), reason: /expiry/ },
    { name: 'a JSON array', text: encoded('[1700000000]'), reason: /expiry/ },
    { name: 'a missing expiry', text: encoded('{"call":["read"]}'), reason: /expiry/ },
    {
      name: 'a float expiry',
      text: encoded('{"expiry":1700000000.5}'),
      reason: /integer "expiry"/
    },
    {
      name: 'a string expiry',
      text: encoded('{"expiry":"1700000000"}'),
      reason: /integer "expiry"/
    },
    { name: 'a null expiry', text: encoded('{"expiry":null}'), reason: /integer "expiry"/ },
    { name: 'a huge negative expiry', text: encoded('{"expiry":-1e300}'), reason: /integer "expiry"/ },
    { name: 'a zero expiry', text: encoded('{"expiry":0}'), reason: /integer "expiry"/ }
  ])('refuses $name', ({ text, reason }) => {
    const result = decodePolicy(text)
    expect(typeof result).toBe('string')
    expect(result).toMatch(reason)
  })
})
