// Memoises serialised page items: crawls and benchmarks ask for the same pages again and again,
// and building 2,000 user objects is the only real work on the hot path. Kept as UTF-8 bytes
// so a cached page is written to the socket without re-encoding. Bounded by bytes.
export class PageCache {
  private readonly entries = new Map<string, Buffer>()
  private size = 0

  constructor(private readonly maxBytes = 48 * 1024 * 1024) {}

  get(key: string, build: () => Buffer): Buffer {
    const hit = this.entries.get(key)
    if (hit !== undefined) return hit
    const value = build()
    this.entries.set(key, value)
    this.size += value.length
    // Evict the oldest entries (Map keeps insertion order) until we fit again.
    for (const [oldKey, oldValue] of this.entries) {
      if (this.size <= this.maxBytes) break
      this.entries.delete(oldKey)
      this.size -= oldValue.length
    }
    return value
  }

  clear(): void {
    this.entries.clear()
    this.size = 0
  }
}
