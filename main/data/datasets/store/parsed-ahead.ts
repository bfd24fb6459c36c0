// Rows a page just stored, still parsed: their columns are extracted a little later, when the
// worker is idle, and reading them back from the database and parsing their JSON again would cost
// more than the extraction itself. Bounded: past a few pages' rows, rows are read back instead.
const MAX_ROWS = 3000

export class ParsedAhead {
  private readonly chunks: { base: number; rows: readonly unknown[] }[] = []
  private held = 0

  /** Keeps the rows stored at indexes [base, base + rows.length), unless too many are held already. */
  keep(base: number, rows: readonly unknown[]): void {
    if (rows.length === 0 || this.held + rows.length > MAX_ROWS) return
    this.chunks.push({ base, rows })
    this.held += rows.length
  }

  /** Up to `count` rows from index `base` when they are held (and forgets those before it); undefined when not. */
  take(base: number, count: number): readonly unknown[] | undefined {
    this.dropBefore(base)
    const first = this.chunks[0]
    if (!first || first.base > base) return undefined
    return first.rows.slice(base - first.base, base - first.base + count)
  }

  /** How many rows from `base` on are not held before the next rows that are (Infinity: none are). */
  notHeldFrom(base: number): number {
    this.dropBefore(base)
    const first = this.chunks[0]
    return first ? Math.max(0, first.base - base) : Infinity
  }

  private dropBefore(base: number): void {
    while (this.chunks.length > 0 && this.chunks[0]!.base + this.chunks[0]!.rows.length <= base) this.held -= this.chunks.shift()!.rows.length
  }
}
