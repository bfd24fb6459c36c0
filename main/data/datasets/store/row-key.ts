// The key a row is deduplicated by. Main computes it while it still holds the parsed page, so the
// page can go to the dataset worker as one JSON string (copied, not cloned object by object).
import { getPath } from '../paths'

/** The first non-empty id key of the row (e.g. uuid, else id); rows without one are kept (null). */
export function rowKey(item: unknown, idKeys: readonly string[]): string | null {
  for (const key of idKeys) {
    const value = getPath(item, key)
    if (typeof value === 'string' && value !== '') return `${key}:${value}`
    if (typeof value === 'number' || typeof value === 'bigint') return `${key}:${value}`
  }
  return null
}
