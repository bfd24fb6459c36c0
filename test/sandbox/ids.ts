// Identifiers that look random but decode back to the index they were made from, so lookups
// (a user id, a recording file id, a phone user id) need no table even with 100,000 users.
import { hash2, idFrom } from './hash'

// An invertible 32-bit mix: xor, multiply by an odd constant, xor.
const ODD = 0x9e3779b1
const ODD_INVERSE = (() => {
  let inv = ODD
  for (let k = 0; k < 5; k++) inv = Math.imul(inv, 2 - Math.imul(ODD, inv))
  return inv
})()

/** An invertible 32-bit mix of `n` under `key` (unscramble undoes it). */
export function scramble(n: number, key: number): number {
  return (Math.imul((n ^ key) >>> 0, ODD) ^ 0x5bd1e995) >>> 0
}

export function unscramble(x: number, key: number): number {
  return ((Math.imul((x ^ 0x5bd1e995) >>> 0, ODD_INVERSE) >>> 0) ^ key) >>> 0
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]))

/** A family of ids: `prefixLength` hash characters, then 6 characters carrying the number. */
export class IndexIds {
  private readonly key: number

  constructor(private readonly seed: number, private readonly salt: number, private readonly prefixLength = 16) {
    this.key = hash2(seed, salt)
  }

  encode(n: number): string {
    let x = scramble(n, this.key)
    let tail = ''
    for (let k = 0; k < 6; k++) {
      tail += B64[x & 63]
      x = Math.floor(x / 64)
    }
    return idFrom(this.seed, hash2(this.salt, n), this.prefixLength) + tail
  }

  /** The number an id was made from, or undefined for anything this family did not make. */
  decode(id: string): number | undefined {
    if (id.length !== this.prefixLength + 6) return undefined
    let x = 0
    for (let k = 5; k >= 0; k--) {
      const v = B64_VALUE.get(id[this.prefixLength + k]!)
      if (v === undefined) return undefined
      x = x * 64 + v
    }
    if (x > 0xffffffff) return undefined
    const n = unscramble(x, this.key)
    return this.encode(n) === id ? n : undefined
  }
}
