// Field issues (from zod in common/ or from main's VALIDATION errors) as one message per form
// field, the first one winning: what forms show under each input.
import type { FieldIssue } from '../../common/errors'

const firstSegment = (path: string) => path.split('.')[0] ?? ''

/** `keyOf` maps an issue's path to the form's field key (default: the path's first segment). */
export function issuesByField(issues: readonly FieldIssue[], keyOf: (path: string) => string = firstSegment): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) out[keyOf(issue.path)] ??= issue.message
  return out
}
