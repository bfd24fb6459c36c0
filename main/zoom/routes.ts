// The rate-limit bucket of an arbitrary API path (console requests, ad-hoc GETs): the catalog's
// label when the path is one of its endpoints, else Light; paths under /phone use Zoom Phone's table.
import { ALL_RESOURCES } from '../../common/zoom/catalog'
import type { RateCategory, RateFamily } from '../../common/zoom/rate-limits'

export interface RouteLabel {
  family: RateFamily
  category: RateCategory
}

interface CompiledRoute extends RouteLabel {
  segments: string[]
}

const ROUTES: CompiledRoute[] = ALL_RESOURCES.map((r) => ({ family: r.family, category: r.category, segments: r.path.split('/').slice(1) }))

/** `path` relative to /v2, query excluded (`/users/me/meetings`). */
export function routeLabel(path: string): RouteLabel {
  const parts = path.split('/').slice(1)
  for (const route of ROUTES) {
    if (route.segments.length !== parts.length) continue
    if (route.segments.every((s, i) => s.startsWith('{') || s === parts[i])) return route
  }
  return { family: parts[0] === 'phone' ? 'phone' : 'api', category: 'light' }
}
