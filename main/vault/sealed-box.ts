// The vault's ciphertext format, version 1 ("zcv1"). Format changes need a new prefix, a decoder
// kept beside this one, and a golden fixture (test/fixtures/vault/).
//
//   sealed  = "zcv1:" base64( nonce[12] | ciphertext[n] | tag[16] )      (standard alphabet, padded)
//   cipher  = AES-256-GCM, key 32 bytes, nonce random per seal, tag 128 bits
//   aad     = UTF-8 of JSON.stringify(["zcv1", ...context])
//
// The context says what the plaintext is, e.g. ["secret", profileId, "tokens"]. Binding it as
// additional authenticated data means a ciphertext copied to another profile or field, or to
// another format version, fails authentication instead of decrypting to the wrong secret.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export const SEALED_PREFIX = 'zcv1:'
export const KEY_BYTES = 32
const NONCE_BYTES = 12
const TAG_BYTES = 16
const ALGORITHM = 'aes-256-gcm'
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Why a sealed value could not be opened. Carries no bytes of the value. */
export class OpenFailure extends Error {
  constructor(readonly reason: 'malformed' | 'unsupported-format' | 'authentication') {
    super(`Sealed value could not be opened (${reason})`)
  }
}

export function seal(key: Buffer, plaintext: Buffer | string, context: readonly string[]): string {
  assertKey(key)
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad(context))
  const body = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()])
  return SEALED_PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64')
}

/** Returns the plaintext, or throws OpenFailure. Never returns unauthenticated bytes. */
export function open(key: Buffer, sealed: string, context: readonly string[]): Buffer {
  assertKey(key)
  if (!sealed.startsWith(SEALED_PREFIX)) {
    throw new OpenFailure(/^zcv\d+:/.test(sealed) ? 'unsupported-format' : 'malformed')
  }
  const encoded = sealed.slice(SEALED_PREFIX.length)
  if (!BASE64.test(encoded)) throw new OpenFailure('malformed')
  const bytes = Buffer.from(encoded, 'base64')
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new OpenFailure('malformed')

  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES })
  decipher.setAAD(aad(context))
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
  const body = decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES))
  try {
    return Buffer.concat([body, decipher.final()])
  } catch {
    body.fill(0)
    throw new OpenFailure('authentication')
  }
}

/** True when `sealed` opens with `key` in `context`. */
export function canOpen(key: Buffer, sealed: string, context: readonly string[]): boolean {
  try {
    open(key, sealed, context).fill(0)
    return true
  } catch (error) {
    if (error instanceof OpenFailure) return false
    throw error
  }
}

function aad(context: readonly string[]): Buffer {
  return Buffer.from(JSON.stringify(['zcv1', ...context]), 'utf8')
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`A vault key is ${KEY_BYTES} bytes`)
}
