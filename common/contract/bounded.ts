// Free-form objects on the bridge (filters, query params): a compromised renderer could send
// millions of keys or megabytes of text, which zod would walk key by key and main would keep
// (as a cache key, a query string). Every such object is checked for its number of keys and its
// total size first, before anything else looks at it.
import { z } from 'zod'

export interface ObjectLimits {
  maxKeys: number
  /** Characters of every key and every value (numbers and booleans as written), together. */
  maxChars: number
}

/** Stops counting at the first key over the limit, so a huge object costs no more than a small one. */
function limitProblem(value: unknown, limits: ObjectLimits): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  let keys = 0
  let chars = 0
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    keys += 1
    if (keys > limits.maxKeys) return `At most ${limits.maxKeys} entries`
    const item = (value as Record<string, unknown>)[key]
    chars += key.length + (typeof item === 'string' ? item.length : typeof item === 'number' || typeof item === 'boolean' ? String(item).length : 0)
    if (chars > limits.maxChars) return `At most ${limits.maxChars} characters in all`
  }
  return undefined
}

/** z.record(key, value), refused before it is parsed when it has too many keys or characters. */
export function boundedRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V, limits: ObjectLimits): z.ZodType<Record<z.output<K>, z.output<V>>, Record<z.input<K>, z.input<V>>> {
  const guard = z.unknown().superRefine((input, ctx) => {
    const problem = limitProblem(input, limits)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  // The pipe stops at the guard's issue: an oversized object is never walked by the record.
  return guard.pipe(z.record(key, value)) as unknown as z.ZodType<Record<z.output<K>, z.output<V>>, Record<z.input<K>, z.input<V>>>
}

/** Name/value lists (headers, query parameters): at most `maxChars` characters of names and values in all. */
export function withinTotalChars<T extends { name: string; value: string }>(maxChars: number) {
  return (entries: readonly T[]) => entries.reduce((sum, entry) => sum + entry.name.length + entry.value.length, 0) <= maxChars
}
