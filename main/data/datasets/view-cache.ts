// Computed views of a dataset, kept under a hash of their sort and filter (one per query, not one
// per window) until the dataset grows.
import { createHash } from 'node:crypto'
import { computeView, normalise, type ViewIndex, type ViewSpec } from './view'

/** A SHA-256 of the normalised spec: a cached view costs 64 characters, however large its filter. */
export function viewKey(spec: ViewSpec): string {
  return createHash('sha256').update(JSON.stringify(normalise(spec))).digest('hex')
}

interface CachedView {
  rowCount: number
  index: ViewIndex
}

/** A few views per dataset, least recently used evicted; a view is stale once the dataset grows. */
export class ViewCache {
  private readonly views = new Map<string, CachedView>()

  constructor(private readonly capacity = 6) {}

  get(rows: readonly unknown[], spec: ViewSpec): ViewIndex {
    const key = viewKey(spec)
    const cached = this.views.get(key)
    if (cached && cached.rowCount === rows.length) {
      this.views.delete(key)
      this.views.set(key, cached)
      return cached.index
    }
    const index = computeView(rows, spec)
    this.views.delete(key)
    this.views.set(key, { rowCount: rows.length, index })
    while (this.views.size > this.capacity) {
      const oldest = this.views.keys().next().value
      if (oldest === undefined) break
      this.views.delete(oldest)
    }
    return index
  }

  clear(): void {
    this.views.clear()
  }
}
