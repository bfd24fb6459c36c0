// How the console turns what the person typed into a URL: a path relative to the API base
// (`/users/me`, `users/me` or `/v2/users/me`) or an absolute http(s) URL. Shared by main (which
// sends it) and the renderer (which shows it and builds "copy as curl").

import { originPathOf } from './api-prefix'

export type ResolvedUrl = { ok: true; url: URL } | { ok: false; message: string }

export interface QueryPair {
  name: string
  value: string
}

/**
 * `apiBase` is the API origin without `/v2` (e.g. `https://api.zoom.us`). `query` pairs are
 * appended after any query already in the typed URL.
 */
export function resolveConsoleUrl(input: string, apiBase: string, query: readonly QueryPair[] = []): ResolvedUrl {
  const text = input.trim()
  if (text.length === 0) return { ok: false, message: 'Type a path such as /users/me or a full URL' }
  let url: URL
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!URL.canParse(text)) return { ok: false, message: 'This is not a valid URL' }
    url = new URL(text)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'Only http and https URLs can be sent' }
    if (url.username || url.password) return { ok: false, message: 'A URL with a user name or password cannot be sent' }
  } else {
    const path = text.startsWith('/') ? text : `/${text}`
    // A path already under /v2 is kept; SCIM2's are served beside /v2 (api-prefix.ts).
    const relative = /^\/v2(\/|$|\?)/.test(path) ? path : originPathOf(path)
    const base = apiBase.replace(/\/+$/, '')
    if (!URL.canParse(base + relative)) return { ok: false, message: 'This path cannot be made into a URL' }
    url = new URL(base + relative)
    // A path such as //evil.example/x or /../.. must not escape the API origin.
    if (url.origin !== new URL(base).origin) return { ok: false, message: 'The path leaves the API host; type a full URL instead' }
  }
  url.hash = ''
  for (const { name, value } of query) url.searchParams.append(name, value)
  return { ok: true, url }
}
