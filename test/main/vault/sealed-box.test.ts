import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canOpen, open, OpenFailure, seal } from '../../../main/vault/sealed-box'

const key = randomBytes(32)
const context = ['secret', 'profile-1', 'tokens']

const failureOf = (fn: () => unknown): OpenFailure['reason'] | 'no failure' => {
  try {
    fn()
    return 'no failure'
  } catch (error) {
    if (error instanceof OpenFailure) return error.reason
    throw error
  }
}
const bytesOf = (sealed: string) => Buffer.from(sealed.slice(5), 'base64')
const sealedOf = (bytes: Buffer) => `zcv1:${bytes.toString('base64')}`

describe('sealed box (zcv1)', () => {
  it('round-trips text and binary, with a fresh nonce every time', () => {
    const a = seal(key, 'hello ✓', context)
    const b = seal(key, 'hello ✓', context)
    expect(a).toMatch(/^zcv1:[A-Za-z0-9+/]+={0,2}$/)
    expect(a).not.toBe(b)
    expect(open(key, a, context).toString('utf8')).toBe('hello ✓')
    expect(open(key, seal(key, Buffer.from([0, 1, 255]), context), context)).toEqual(Buffer.from([0, 1, 255]))
    expect(open(key, seal(key, '', context), context).toString()).toBe('')
    // nonce 12 + ciphertext 9 + tag 16
    expect(bytesOf(a)).toHaveLength(12 + Buffer.byteLength('hello ✓') + 16)
  })

  it.each([
    ['the nonce', 0],
    ['the ciphertext', 14],
    ['the tag', -1],
  ])('rejects a flipped byte in %s as an authentication failure', (_part, index) => {
    const bytes = bytesOf(seal(key, 'a secret value', context))
    const at = index < 0 ? bytes.length + index : index
    bytes[at]! ^= 0x01
    expect(failureOf(() => open(key, sealedOf(bytes), context))).toBe('authentication')
  })

  it('rejects a value moved to another profile or field, or opened with another key', () => {
    const sealed = seal(key, 'a secret value', context)
    expect(failureOf(() => open(key, sealed, ['secret', 'profile-2', 'tokens']))).toBe('authentication')
    expect(failureOf(() => open(key, sealed, ['secret', 'profile-1', 'clientSecret']))).toBe('authentication')
    expect(failureOf(() => open(randomBytes(32), sealed, context))).toBe('authentication')
    // The context is JSON-encoded, so shifting text between elements does not collide.
    const split = seal(key, 'x', ['secret', 'ab', 'c'])
    expect(canOpen(key, split, ['secret', 'a', 'bc'])).toBe(false)
  })

  it('tells malformed values and unknown versions apart from authentication failures', () => {
    expect(failureOf(() => open(key, 'zcv2:AAAA', context))).toBe('unsupported-format')
    expect(failureOf(() => open(key, 'plaintext secret', context))).toBe('malformed')
    expect(failureOf(() => open(key, 'zcv1:not base64!', context))).toBe('malformed')
    expect(failureOf(() => open(key, `zcv1:${Buffer.alloc(27).toString('base64')}`, context))).toBe('malformed')
    expect(failureOf(() => open(key, '', context))).toBe('malformed')
  })
})
