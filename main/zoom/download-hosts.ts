// Where a recording download may be redirected. Zoom answers a download_url with a redirect to
// the host that holds the file (ssrweb.zoom.us and other hosts of zoom.us; zoom.com, Zoom's other
// domain, serves more of its web pages each year, so its hosts are Zoom's too); those are followed
// even when a person narrowed the connection's allowed domains, but without the credential (it
// goes only to allowed domains). Anything else — plain http, another scheme, another domain —
// is refused before a connection is opened: a file reached over plain http can be rewritten on
// the way, and a host outside Zoom has no business serving Zoom's recordings.
import type { Cloud } from '../../common/profile'

/** Zoom's own hosts for a cloud (https only, as compileAllowlist reads them); none for custom endpoints. */
export function downloadRedirectDomains(cloud: Cloud): string[] {
  if (cloud.kind === 'zoom') return ['zoom.us', '*.zoom.us', 'zoom.com', '*.zoom.com']
  if (cloud.kind === 'zoomgov') return ['zoomgov.com', '*.zoomgov.com']
  return []
}
