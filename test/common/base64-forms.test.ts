// base64Forms is the one definition of how a quoted secret is spelled in base64, shared by the log
// redaction and the check of Zoom's answers for echoed tokens: checked against Node's own encoder.
import { describe, expect, it } from 'vitest'
import { base64Forms } from '../../common/base64-forms'

describe('base64Forms', () => {
  it.each(['a', 'ab', 'abc', 'client:secret-with-+/-chars??>>', 'ünïcödé 秘密 🔑'])('spells %j as Node does, without padding', (text) => {
    const [base64, base64url] = base64Forms(text)
    expect(base64).toBe(Buffer.from(text, 'utf8').toString('base64').replace(/=+$/, ''))
    expect(base64url).toBe(Buffer.from(text, 'utf8').toString('base64url'))
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(text)
  })
})
