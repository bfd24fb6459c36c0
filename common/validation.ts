import type { z } from 'zod'
import type { FieldIssue } from './errors'

/** Every issue of a failed parse, as path + message, so forms and the bridge report all of them at once. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

export function describeIssues(issues: FieldIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : ''
  return shown.join('; ') + more
}
