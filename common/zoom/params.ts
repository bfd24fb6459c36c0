// Checks a resource's query parameters against the catalog before anything is sent, so the person
// sees "Month must be between 1 and 12" instead of Zoom's code 300.
import type { FieldIssue } from '../errors'
import type { ParamSpec, Resource } from './catalog-types'
import { parseIsoDate } from './date-windows'

export type ParamValue = string | number | boolean
export type ParamCheck = { ok: true; query: Record<string, string> } | { ok: false; issues: FieldIssue[] }

const DAY_MS = 86_400_000

export interface ParamCheckOptions {
  /** For `maxAgeDays`: the current time (ms). Omit to skip the age check. */
  now?: number
}

/** Validates and stringifies `params`; empty strings count as "not set". */
export function validateResourceParams(resource: Resource, params: Readonly<Record<string, ParamValue | undefined>>, options: ParamCheckOptions = {}): ParamCheck {
  const issues: FieldIssue[] = []
  const query: Record<string, string> = {}
  const specs = new Map(resource.params.map((p) => [p.name, p]))
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue
    const spec = specs.get(name)
    if (!spec) {
      issues.push({ path: name, message: `${resource.title} has no parameter “${name}”` })
      continue
    }
    const problem = checkValue(spec, value)
    if (problem) issues.push({ path: name, message: problem })
    else query[name] = String(value)
  }
  for (const spec of resource.params) {
    if (spec.required && query[spec.name] === undefined && !issues.some((i) => i.path === spec.name)) issues.push({ path: spec.name, message: `${spec.label} is required` })
  }
  if (resource.kind === 'list' && resource.dateWindow && issues.length === 0) issues.push(...checkWindow(resource.dateWindow, query, options.now))
  return issues.length > 0 ? { ok: false, issues } : { ok: true, query }
}

function checkValue(spec: ParamSpec, value: ParamValue): string | undefined {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' ? undefined : `${spec.label} must be text`
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : `${spec.label} must be true or false`
    case 'enum':
      return spec.values?.includes(String(value)) ? undefined : `${spec.label} must be one of ${(spec.values ?? []).join(', ')}`
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
