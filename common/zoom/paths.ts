// Filling `{name}` placeholders of a catalog path template.

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g

export function pathParamNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string)
}

/**
 * "." and "..": as a path segment, a URL parser walks up the path with them, and encoding does not
 * help (`%2e%2e` is a dot segment too, WHATWG URL), so an id can never be one of them.
 */
export const isDotSegment = (value: string) => value === '.' || value === '..'

/**
 * Zoom asks for meeting UUIDs that begin with `/` or contain `//` to be encoded twice; everything
 * else is encoded once.
 */
export function encodePathValue(value: string): string {
  const once = encodeURIComponent(value)
  return value.startsWith('/') || value.includes('//') ? encodeURIComponent(once) : once
}

/** `/users/{userId}/meetings` + `{ userId: 'me' }` → `/users/me/meetings`. Throws when a value is missing or empty. */
export function expandPath(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name]
    if (value === undefined || value === '') throw new RangeError(`The path ${template} needs a value for ${name}`)
    return encodePathValue(String(value))
  })
}
