// Where a console request for an operation Zoom serves from another host goes. Zoom documents
// most uploads on https://fileapi.zoom.us/v2 (and Team Chat's on https://file.zoom.us/v2) rather
// than https://api.zoom.us/v2; sent to the API host they fail. The token still goes only where the
// connection's allowed domains say (the HTTP layer checks every URL before connecting): the
// default allowlist of Zoom's cloud holds `*.zoom.us` (DESIGN.md: "the Zoom API hosts of its
// cloud"), which these hosts are, so they work out of the box, and a person who narrowed the
// allowlist to api.zoom.us is refused rather than widened behind their back.
//
// Only the request the person typed as a path is moved, and only for Zoom's own cloud: a full URL
// names its host itself; ZoomGov's files name no file host (its uploads stay on its API host);
// a custom API base is a stand-in or gateway that serves every path at its own origin.

/** Zoom's commercial cloud, the one whose hosts Zoom's files name. */
const ZOOM_API_ORIGIN = 'https://api.zoom.us'

/**
 * The URL to send: `url` (a path relative to the API base, or an absolute URL) moved onto
 * `documentedServer` (`https://fileapi.zoom.us/v2`) when the rules above say so, else unchanged.
 */
export function urlOnDocumentedServer(url: string, documentedServer: string | undefined, apiBase: string): string {
  if (!documentedServer || /^[a-z][a-z0-9+.-]*:/i.test(url.trim())) return url
  if (!URL.canParse(apiBase) || new URL(apiBase).origin !== ZOOM_API_ORIGIN) return url
  const path = url.trim().startsWith('/') ? url.trim() : `/${url.trim()}`
  const server = documentedServer.replace(/\/+$/, '')
  // The server already ends in /v2; a path typed with its own /v2 must not get a second one.
  return `${server}${path.replace(/^\/v2(?=\/|$|\?)/, '')}`
}
