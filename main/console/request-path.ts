// The console's path parameters and paging: `{userId}` in the typed path is filled from the
// person's values (encoded as Zoom wants, never sent literally), and "Next page" repeats the
// request with Zoom's next_page_token.
import { type FieldIssue } from '../../common/errors'
import { expandPath, isDotSegment, pathParamNames } from '../../common/zoom/paths'

export type PathFill = { ok: true; url: string } | { ok: false; issues: FieldIssue[] }

/** Fills `{name}` placeholders of the URL's path (not its query) from `values`. */
export function fillPathParams(url: string, values: readonly { name: string; value: string }[]): PathFill {
  const queryAt = url.indexOf('?')
  const path = queryAt >= 0 ? url.slice(0, queryAt) : url
  const rest = queryAt >= 0 ? url.slice(queryAt) : ''
  const names = pathParamNames(path)
  if (names.length === 0) return { ok: true, url }
  const byName = Object.fromEntries(values.filter((v) => v.value.trim() !== '').map((v) => [v.name, v.value.trim()]))
  const missing = names.filter((name) => byName[name] === undefined)
  if (missing.length > 0) return { ok: false, issues: missing.map((name) => ({ path: `pathParams.${name}`, message: `Fill in {${name}}: it would be sent literally` })) }
  const steps = names.filter((name) => isDotSegment(byName[name] as string))
  if (steps.length > 0) return { ok: false, issues: steps.map((name) => ({ path: `pathParams.${name}`, message: `{${name}} cannot be “.” or “..”: it would change the path instead of naming something` })) }
  return { ok: true, url: expandPath(path, byName) + rest }
}

/** The query with `next_page_token` set to `token` (replacing one already there). */
export function withPageToken(query: readonly { name: string; value: string }[], token: string | undefined): { name: string; value: string }[] {
  if (token === undefined || token === '') return [...query]
  return [...query.filter((q) => q.name !== 'next_page_token'), { name: 'next_page_token', value: token }]
}

/** Zoom's next_page_token in a JSON response body, when there is a next page. */
export function nextPageTokenOf(body: string, contentType: string | undefined, truncated: boolean): string | undefined {
  if (truncated || (contentType !== undefined && !/json/i.test(contentType))) return undefined
  try {
    const token = (JSON.parse(body) as { next_page_token?: unknown } | null)?.next_page_token
    return typeof token === 'string' && token !== '' ? token : undefined
  } catch {
    return undefined
  }
}
