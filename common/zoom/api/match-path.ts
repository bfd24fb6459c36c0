// Which of Zoom's path templates a concrete path is an instance of (`/users/me/recordings` is
// `/users/{userId}/recordings`), and the parameter values it carries. Used to know what the
// person is sending when they typed a path by hand.

const PARAM_SEGMENT = /^\{([A-Za-z0-9_]+)\}$/

/** The path part of a typed URL or path, without Zoom's `/v2` prefix and the query. */
export function apiPathOf(typed: string): string {
  let path = typed
  if (/^[a-z][a-z0-9+.-]*:/i.test(typed) && URL.canParse(typed)) path = new URL(typed).pathname
  path = path.split(/[?#]/)[0] as string
  return path.replace(/^\/v2(?=\/|$)/, '') || '/'
}

/**
 * The values a typed path gives a template's `{name}` segments, or undefined when the path does
 * not fit the template (a different literal segment, or a different length). A segment still
 * written as a placeholder gives no value.
 */
export function pathValuesFor(template: string, typed: string): Record<string, string> | undefined {
  const want = template.split('/').filter(Boolean)
  const have = apiPathOf(typed).split('/').filter(Boolean)
  if (want.length !== have.length) return undefined
  const values: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as string
    const value = have[i] as string
    const name = PARAM_SEGMENT.exec(segment)?.[1]
    if (name !== undefined) {
      if (!value.startsWith('{')) values[name] = safeDecode(value)
    } else if (segment !== value) return undefined
  }
  return values
}

/**
 * The template among `templates` that `typed` is an instance of. Where several fit
 * (`/users/{userId}` and `/users/summary` both fit `/users/summary`), the one with more literal
 * segments wins: Zoom routes the literal path to its own operation.
 */
export function findTemplate(templates: Iterable<string>, typed: string): string | undefined {
  let best: { template: string; literals: number } | undefined
  for (const template of templates) {
    if (pathValuesFor(template, typed) === undefined) continue
    const literals = template.split('/').filter((s) => s !== '' && !PARAM_SEGMENT.test(s)).length
    if (!best || literals > best.literals) best = { template, literals }
  }
  return best?.template
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
