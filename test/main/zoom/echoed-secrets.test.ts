// The Zoom client's check of every JSON answer for a quoted token: an answer without one is handed
// on untouched (the same object, nothing copied); one quoting a token whole, cut short to most of
// it, or behind JSON escapes is scrubbed wherever it is (values, keys, nested lists).
import { describe, expect, it } from 'vitest'
import { findCanaries } from '../../support/canary'
import { bytesWithoutEchoedSecrets, withoutEchoedSecrets } from '../../../main/zoom/echoed-secrets'

const TOKEN = 'eyJhbGciOiJIUzUxMiJ9.canary-token-for-echo-checks.9f2c41d7e0b34a5c8d6e1f20a3b4c5d6e7f80912'
const answer = (text: string) => ({ raw: Buffer.from(text), body: JSON.parse(text) as unknown })

describe('answers that quote a token', () => {
  it('hands an answer without a token on as it is', () => {
    const { raw, body } = answer(JSON.stringify({ users: [{ id: 'u1', download_access_token: 'eyJhbGciOiJIUzUxMiJ9.another.token' }] }))
    expect(withoutEchoedSecrets(raw, body, [TOKEN])).toBe(body)
  })

  it('scrubs a token quoted whole, as a key, or cut short to its last part', () => {
    const { raw, body } = answer(JSON.stringify({ users: [{ id: 'u1', a: [{ b: TOKEN }], [TOKEN]: 1, c: TOKEN.slice(20) }] }))
    const text = JSON.stringify(withoutEchoedSecrets(raw, body, [undefined, TOKEN]))
    expect(text).not.toContain(TOKEN.slice(-24))
    expect(text).toContain('"id":"u1"')
  })

  it('scrubs a token quoted base64-encoded or reversed on a page that quotes nothing else (decoding gives the token back)', () => {
    for (const quoted of [Buffer.from(TOKEN).toString('base64'), Buffer.from(TOKEN).toString('base64url'), [...TOKEN].reverse().join('')]) {
      const { raw, body } = answer(JSON.stringify({ users: [{ id: 'u1', note: quoted }] }))
      expect(findCanaries(JSON.stringify(withoutEchoedSecrets(raw, body, [TOKEN])), [TOKEN, [...TOKEN].reverse().join(''), Buffer.from(TOKEN).toString('base64url')])).toEqual([])
      expect(findCanaries(bytesWithoutEchoedSecrets(raw, [TOKEN]).toString('latin1'), [TOKEN, [...TOKEN].reverse().join(''), Buffer.from(TOKEN).toString('base64url')])).toEqual([])
    }
  })

  it('finds a token spelled with JSON escapes, which its bytes never show', () => {
    const spelled = [...TOKEN].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    const raw = Buffer.from(`{"users":[{"id":"u1","name":"${spelled}"}]}`)
    const body = JSON.parse(raw.toString()) as unknown
    expect(raw.includes(TOKEN)).toBe(false)
    expect(withoutEchoedSecrets(raw, body, [TOKEN])).toEqual({ users: [{ id: 'u1', name: '[redacted]' }] })
  })
})

describe('answers kept as bytes (a crawl page parsed by the dataset worker)', () => {
  it('hands bytes without a token on as they are, unparsed', () => {
    const raw = Buffer.from(JSON.stringify({ users: [{ id: 'u1', note: 'no token here' }] }))
    expect(bytesWithoutEchoedSecrets(raw, [TOKEN])).toBe(raw)
  })

  it('scrubs a token quoted whole or behind escapes, and gives JSON bytes again', () => {
    const spelled = [...TOKEN].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    for (const raw of [Buffer.from(JSON.stringify({ users: [{ id: 'u1', name: TOKEN }] })), Buffer.from(`{"users":[{"id":"u1","name":"${spelled}"}]}`)]) {
      const scrubbed = bytesWithoutEchoedSecrets(raw, [undefined, TOKEN])
      expect(JSON.parse(scrubbed.toString())).toEqual({ users: [{ id: 'u1', name: '[redacted]' }] })
    }
  })

  it('reads a page that starts with a byte-order mark as the envelope scan does (it skips the mark)', () => {
    const raw = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ users: [{ id: 'u1', name: TOKEN, city: 'Z\u00fcrich' }] }))])
    expect(JSON.parse(bytesWithoutEchoedSecrets(raw, [TOKEN]).toString())).toEqual({ users: [{ id: 'u1', name: '[redacted]', city: 'Zürich' }] })
  })

  it('refuses bytes that need reading and are not JSON, with a typed error', () => {
    expect(() => bytesWithoutEchoedSecrets(Buffer.from(`{"users":[{"name":"${TOKEN}"`), [TOKEN])).toThrow(expect.objectContaining({ code: 'ZOOM_RESPONSE_INVALID' }))
  })
})
