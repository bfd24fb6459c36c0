// Matches /v2 paths to operations (the hand-written ones, or every GET of Zoom's files) without
// regular expressions on the hot path.
import type { Operation } from './catalog'

/** Anything with a path template as Zoom's files write it, and a method (default GET). */
export interface Routable {
  path: string
  method?: string
}

export interface RouteMatch<T extends Routable = Operation> {
  op: T
  params: Record<string, string>
}

interface CompiledRoute<T> {
  op: T
  method: string
  segments: string[]
}

export class ApiRouter<T extends Routable = Operation> {
  /** Routes by number of segments; within each, literal segments win over parameters. */
  private readonly bySize = new Map<number, CompiledRoute<T>[]>()

  constructor(operations: readonly T[]) {
    // Literal segments win over parameters: /users/me/... and /phone/users before /users/{id}.
    const routes = operations
      .map((op) => ({ op, method: (op.method ?? 'get').toLowerCase(), segments: op.path.split('/').slice(1) }))
      .sort((a, b) => literalCount(b.segments) - literalCount(a.segments))
    for (const route of routes) {
      const list = this.bySize.get(route.segments.length) ?? []
      list.push(route)
      this.bySize.set(route.segments.length, list)
    }
  }

  /** `path` is relative to /v2, e.g. `/users/me`; `method` lower-case, as the OpenAPI files write it. */
  match(path: string, method = 'get'): RouteMatch<T> | undefined {
    const parts = path.split('/')
    const count = parts.length - 1
    for (const route of this.bySize.get(count) ?? []) {
      if (route.method !== method) continue
      let params: Record<string, string> | undefined = {}
      for (let i = 0; i < count; i++) {
        const pattern = route.segments[i]!
        const part = parts[i + 1]!
        if (pattern.charCodeAt(0) === 123 /* { */) {
          if (part === '') { params = undefined; break }
          params[pattern.slice(1, -1)] = safeDecode(part)
        } else if (pattern !== part) {
          params = undefined
          break
        }
      }
      if (params !== undefined) return { op: route.op, params }
    }
    return undefined
  }
}

function literalCount(segments: string[]): number {
  return segments.filter((s) => !s.startsWith('{')).length
}

/**
 * A path value, decoded as Zoom does: a meeting UUID that begins with `/` or holds `//` arrives
 * encoded twice (`%252F…`), so a value that still holds an escape after one decoding is decoded
 * again. Zoom's ids (base64 UUIDs, numbers, base64url ids, e-mails) never hold a `%` of their own.
 */
function safeDecode(part: string): string {
  const once = decodeOrKeep(part)
  return /%[0-9A-Fa-f]{2}/.test(once) ? decodeOrKeep(once) : once
}

function decodeOrKeep(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
