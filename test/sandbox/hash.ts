// Cheap, seeded, non-cryptographic hashing. Every piece of sandbox data is derived from
// (seed, index, ...) through these functions, so 100,000 users cost nothing until asked for.

/** murmur3's 32-bit finaliser: a good avalanche for sequential inputs. */
export function mix32(value: number): number {
  let h = value | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export function hash2(a: number, b: number): number {
  return mix32(Math.imul(mix32(a) ^ 0x9e3779b9, 31) + b)
}

export function hash3(a: number, b: number, c: number): number {
  return hash2(hash2(a, b), c)
}

export function hash4(a: number, b: number, c: number, d: number): number {
  return hash2(hash3(a, b, c), d)
}

/** FNV-1a over a string, for seeding from text (tokens, routes). */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

/** A number in [0, 1) from a 32-bit hash. */
export function unit(h: number): number {
  return (h >>> 0) / 4294967296
}

/** An integer in [min, max] (inclusive) from a 32-bit hash. */
export function between(h: number, min: number, max: number): number {
  return min + Math.floor(unit(h) * (max - min + 1))
}

export function pick<T>(items: readonly T[], h: number): T {
  return items[(h >>> 0) % items.length] as T
}

/** A small deterministic PRNG (mulberry32), for sequences such as fault decisions. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A Zoom-looking identifier (base64url characters) of `length` characters from hashes of `key`. */
export function idFrom(seed: number, key: number, length = 22): string {
  let out = ''
  let h = hash2(seed, key)
  for (let i = 0; i < length; i++) {
    if (i % 5 === 0) h = hash3(seed, key, i)
    out += ALPHABET[h & 63]
    h >>>= 6
  }
  return out
}

/**
 * A meeting or webinar instance's UUID as Zoom writes one: 16 bytes in standard base64 (so it
 * may hold `+` and `/`, and may begin with `/`, which is why Zoom asks for such UUIDs to be
 * encoded twice in a path), with its `==` padding.
 */
export function zoomUuid(seed: number, key: number): string {
  return `${idFrom(seed, key, 22).replace(/-/g, '+').replace(/_/g, '/')}==`
}
