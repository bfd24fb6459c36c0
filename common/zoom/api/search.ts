// Completion over every operation of Zoom's API: what the console suggests as the person types a
// path, part of a summary or an operationId. The index is built once per catalog (lower-cased
// text, path segments and summary words computed ahead), so a keystroke costs one pass of cheap
// string tests over ~1,700 entries, well inside a frame.
//
// Ranking, best first:
// - a typed path (`/users/me/rec`) matching the template segment by segment, `{param}` segments
//   matching any value and the last typed segment as a prefix;
// - each word typed found at the start of a path segment, of a summary word, or of the operationId;
// - each word found anywhere in the path, summary, operationId or product name.
// Every typed word must be found somewhere, or the operation is not suggested.

export interface SearchableOperation {
  method: string
  path: string
  product: string
  operationId: string
  summary: string
  deprecated?: boolean
}

interface Entry<T extends SearchableOperation> {
  op: T
  /** Everything searchable, lower-cased, for a quick "is every word here at all" test. */
  hay: string
  segments: string[]
  path: string
  summary: string
  summaryWords: string[]
  operationId: string
}

export interface OperationSearchIndex<T extends SearchableOperation> {
  readonly size: number
  /** The best `limit` matches for `query`; an empty query gives the first `limit` in catalog order. */
  search(query: string, limit?: number): T[]
}

const DEFAULT_LIMIT = 50

const splitWords = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)

/** `/users/{userId}/recordings` → ['users', '{userid}', 'recordings']. */
const splitPath = (path: string) => path.toLowerCase().split('/').filter(Boolean)

/**
 * How well a typed path matches a template, segment by segment (higher is better), or 0. Earlier
 * segments must be equal (a `{param}` segment takes any value); the last may be a prefix.
 */
function pathScore(typed: string[], segments: string[], endsWithSlash: boolean): number {
  if (typed.length > segments.length) return 0
  let score = 0
  for (let i = 0; i < typed.length; i++) {
    const want = typed[i] as string
    const have = segments[i] as string
    const last = i === typed.length - 1 && !endsWithSlash
    if (have === want) score += 3
    else if (have.startsWith('{')) score += 1
    else if (last && have.startsWith(want)) score += 2
    else return 0
  }
  // A template of exactly the typed length is the closest match; longer ones come after it.
  return score * 10 + (typed.length === segments.length ? 5 : 0) - (segments.length - typed.length)
}

function wordScore<T extends SearchableOperation>(entry: Entry<T>, word: string): number {
  if (entry.segments.some((s) => s.startsWith(word) || s.startsWith(`{${word}`))) return 4
  if (entry.summaryWords.some((w) => w.startsWith(word))) return 3
  if (entry.operationId.startsWith(word)) return 3
  if (entry.hay.includes(word)) return 1
  return 0
}

export function createOperationSearchIndex<T extends SearchableOperation>(operations: readonly T[]): OperationSearchIndex<T> {
  const entries: Entry<T>[] = operations.map((op) => {
    const path = op.path.toLowerCase()
    const summary = op.summary.toLowerCase()
    const operationId = op.operationId.toLowerCase()
    return {
      op,
      hay: `${path}\n${summary}\n${operationId}\n${op.product.toLowerCase()}\n${op.method.toLowerCase()}`,
      segments: splitPath(op.path),
      path,
      summary,
      summaryWords: splitWords(summary),
      operationId,
    }
  })
  return {
    size: entries.length,
    search(query, limit = DEFAULT_LIMIT) {
      const trimmed = query.trim().toLowerCase()
      if (trimmed === '') return entries.slice(0, limit).map((e) => e.op)
      const scored: { entry: Entry<T>; score: number; order: number }[] = []
      if (trimmed.startsWith('/')) {
        // A path: match it against the templates; fall back to words when no template fits.
        const withoutQuery = trimmed.split('?')[0] as string
        const typed = splitPath(withoutQuery.replace(/^\/v2(?=\/|$)/, ''))
        const endsWithSlash = withoutQuery.endsWith('/')
        entries.forEach((entry, order) => {
          const score = typed.length === 0 ? 1 : pathScore(typed, entry.segments, endsWithSlash)
          if (score > 0) scored.push({ entry, score: score * 100 + (entry.op.method === 'GET' ? 1 : 0), order })
        })
        if (scored.length > 0) return rank(scored, limit)
      }
      const words = trimmed.split(/[\s/]+/).filter(Boolean)
      const method = words.length > 1 ? words.find((w) => METHODS.has(w)) : undefined
      const rest = method ? words.filter((w) => w !== method) : words
      entries.forEach((entry, order) => {
        if (method && entry.op.method.toLowerCase() !== method) return
        let score = 0
        for (const word of rest) {
          if (!entry.hay.includes(word)) return
          score += wordScore(entry, word)
        }
        // The whole query as a phrase of the summary, or as the operationId, ranks above scattered words.
        if (entry.summary === trimmed) score += 6
        else if (entry.summary.startsWith(trimmed)) score += 3
        else if (entry.hay.includes(trimmed)) score += 2
        if (entry.operationId === trimmed.replace(/\s+/g, '')) score += 10
        if (entry.op.deprecated) score -= 1
        scored.push({ entry, score, order })
      })
      return rank(scored, limit)
    },
  }
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete'])

function rank<T extends SearchableOperation>(scored: { entry: Entry<T>; score: number; order: number }[], limit: number): T[] {
  scored.sort((a, b) => b.score - a.score || a.entry.path.length - b.entry.path.length || a.order - b.order)
  return scored.slice(0, limit).map((s) => s.entry.op)
}
