// Dotted column paths ("settings.host_video", "recording_files.0.file_type") into Zoom's rows.

const splitCache = new Map<string, string[]>()

function segments(path: string): string[] {
  let parts = splitCache.get(path)
  if (!parts) {
    parts = path.split('.')
    if (splitCache.size > 10_000) splitCache.clear()
    splitCache.set(path, parts)
  }
  return parts
}

export function getPath(row: unknown, path: string): unknown {
  let value: unknown = row
  for (const key of segments(path)) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const MAX_DEPTH = 4
const MAX_COLUMNS = 500

/**
 * Every dotted path to a leaf seen in the sample, in order of first appearance. Arrays are one
 * column (shown as JSON), so a row with 20 recording files does not add 20 × n columns.
 */
export function discoverColumns(sample: Iterable<unknown>): string[] {
  const seen = new Set<string>()
  const walk = (value: unknown, prefix: string, depth: number) => {
    if (seen.size >= MAX_COLUMNS) return
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < MAX_DEPTH) {
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key, depth + 1)
      return
    }
    if (prefix) seen.add(prefix)
  }
  for (const row of sample) walk(row, '', 0)
  return [...seen]
}
