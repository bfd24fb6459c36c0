// "Copy as curl" for the console. The token is never in it: the Authorization header reads
// `Bearer $ZOOM_ACCESS_TOKEN`, which the shell fills in from the environment (the person copies
// a fresh token with "Copy access token" into that variable).

export const TOKEN_PLACEHOLDER = '$ZOOM_ACCESS_TOKEN'

export interface CurlRequest {
  method: string
  /** The absolute URL, query included (see resolveConsoleUrl). */
  url: string
  headers?: readonly { name: string; value: string }[]
  /** The JSON body text as typed. */
  body?: string
}

/** Wraps `value` in single quotes for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * A multi-line curl command for a POSIX shell. Any Authorization header given is replaced by the
 * placeholder, so pasting the result never leaks a token.
 */
export function toCurl(request: CurlRequest, placeholder: string = TOKEN_PLACEHOLDER): string {
  const method = request.method.toUpperCase()
  const parts = [`curl --request ${method}`, `  --url ${shellQuote(request.url)}`]
  // Double quotes so the shell expands the variable; the placeholder itself is ours, never user text.
  parts.push(`  --header "Authorization: Bearer ${placeholder}"`)
  const body = request.body !== undefined && request.body.trim() !== '' ? request.body : undefined
  let hasContentType = false
  for (const { name, value } of request.headers ?? []) {
    const lower = name.toLowerCase()
    if (lower === 'authorization') continue
    if (lower === 'content-type') hasContentType = true
    parts.push(`  --header ${shellQuote(`${name}: ${value}`)}`)
  }
  if (body !== undefined) {
    if (!hasContentType) parts.push(`  --header 'Content-Type: application/json'`)
    parts.push(`  --data ${shellQuote(body)}`)
  }
  return parts.join(' \\\n')
}
