// A row as the store keeps it: its JSON and the key it is deduplicated by. Made by whoever holds
// the parsed rows: main for a parsed page (so the page goes to the dataset worker as strings,
// copied, not cloned object by object), the worker for a page handed over as Zoom's bytes.
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

/** Rows as the store keeps them: each one's JSON (its own text where `texts` has it) and id key. */
export function storedRows(rows: readonly unknown[], idKeys: readonly string[], texts: readonly (string | undefined)[] = []): { json: string[]; keys: (string | null)[] } {
  return {
    json: rows.map((row, i) => texts[i] ?? JSON.stringify(row) ?? 'null'),
    keys: rows.map((row) => rowKey(row, idKeys)),
  }
}
