// Matches /v2 paths to catalog operations without regular expressions on the hot path.
import type { Operation } from './catalog'

export interface RouteMatch {
  op: Operation
  params: Record<string, string>
}

interface CompiledRoute {
  op: Operation
  segments: string[]
}

export class ApiRouter {
  private readonly routes: CompiledRoute[]

  constructor(operations: readonly Operation[]) {
    // Literal segments win over parameters: /users/me/... and /phone/users before /users/{id}.
    this.routes = operations
      .map((op) => ({ op, segments: op.path.split('/').slice(1) }))
      .sort((a, b) => literalCount(b.segments) - literalCount(a.segments))
  }

  /** `path` is relative to /v2, e.g. `/users/me`; `method` lower-case, as the OpenAPI files write it. */
  match(path: string, method = 'get'): RouteMatch | undefined {
    const parts = path.split('/')
    const count = parts.length - 1
    for (const route of this.routes) {
      if (route.segments.length !== count || (route.op.method ?? 'get') !== method) continue
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

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
