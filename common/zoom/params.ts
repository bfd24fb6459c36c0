// Checks a resource's query parameters against the catalog before anything is sent, so the person
// sees "Month must be between 1 and 12" instead of Zoom's code 300.
import type { FieldIssue } from '../errors'
import type { ParamSpec, Resource } from './catalog-types'
import { parseIsoDate } from './date-windows'

export type ParamValue = string | number | boolean
/** A parameter set to its catalog expansion (`status: 'all'`): one list per value in `values`. */
export interface ExpandedParam {
  name: string
  values: readonly string[]
}
/**
 * `query` holds only values Zoom accepts: an expanded parameter is left out of it and named in
 * `expand` instead (present only when one was chosen), for the crawl to fetch list by list.
 */
export type ParamCheck = { ok: true; query: Record<string, string>; expand?: ExpandedParam[] } | { ok: false; issues: FieldIssue[] }

const DAY_MS = 86_400_000

export interface ParamCheckOptions {
  /** For `maxAgeDays`: the current time (ms). Omit to skip the age check. */
  now?: number
}

/** Validates and stringifies `params`; empty strings count as "not set". */
export function validateResourceParams(resource: Resource, params: Readonly<Record<string, ParamValue | undefined>>, options: ParamCheckOptions = {}): ParamCheck {
  const issues: FieldIssue[] = []
  const query: Record<string, string> = {}
  const expand: ExpandedParam[] = []
  const specs = new Map(resource.params.map((p) => [p.name, p]))
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue
    const spec = specs.get(name)
    if (!spec) {
      issues.push({ path: name, message: `${resource.title} has no parameter “${name}”` })
      continue
    }
    if (spec.type === 'enum' && spec.expands && String(value) === spec.expands.value) {
      expand.push({ name, values: spec.expands.into })
      continue
    }
    const problem = checkValue(spec, value)
    if (problem) issues.push({ path: name, message: problem })
    else query[name] = String(value)
  }
  for (const spec of resource.params) {
    const set = query[spec.name] !== undefined || expand.some((e) => e.name === spec.name)
    if (spec.required && !set && !issues.some((i) => i.path === spec.name)) issues.push({ path: spec.name, message: `${spec.label} is required` })
  }
  if (resource.kind === 'list' && resource.dateWindow && issues.length === 0) issues.push(...checkWindow(resource.dateWindow, query, options.now))
  if (issues.length > 0) return { ok: false, issues }
  return expand.length > 0 ? { ok: true, query, expand } : { ok: true, query }
}

function checkValue(spec: ParamSpec, value: ParamValue): string | undefined {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? undefined : `${spec.label} must be text`
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : `${spec.label} must be true or false`
    case 'enum': {
      const allowed = [...(spec.values ?? []), ...(spec.expands ? [spec.expands.value] : [])]
      return allowed.includes(String(value)) ? undefined : `${spec.label} must be one of ${allowed.join(', ')}`
    }
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN
      if (!Number.isSafeInteger(n)) return `${spec.label} must be a whole number`
      if (spec.min !== undefined && n < spec.min) return `${spec.label} must be at least ${spec.min}`
      if (spec.max !== undefined && n > spec.max) return `${spec.label} must be at most ${spec.max}`
      return undefined
    }
    case 'date':
      try {
        parseIsoDate(String(value))
        return undefined
      } catch {
        return `${spec.label} must be a date written yyyy-mm-dd`
      }
  }
}

function checkWindow(window: NonNullable<Extract<Resource, { kind: 'list' }>['dateWindow']>, query: Record<string, string>, now: number | undefined): FieldIssue[] {
  const from = query[window.from]
  const to = query[window.to]
  if (from === undefined || to === undefined) return []
  if (parseIsoDate(from) > parseIsoDate(to)) return [{ path: window.from, message: 'The start date is after the end date' }]
  if (window.maxAgeDays !== undefined && now !== undefined && parseIsoDate(from) < now - window.maxAgeDays * DAY_MS - DAY_MS) {
    return [{ path: window.from, message: `Zoom keeps this data for about ${Math.round(window.maxAgeDays / 30)} months; choose a later start date` }]
  }
  return []
}
