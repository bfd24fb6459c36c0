// The per-profile domain allowlist (DESIGN.md, "Security model"): the hosts a credential may be
// sent to. Entries are a host (`api.zoom.us`), a wildcard (`*.zoom.us`: any subdomain, not the
// bare domain) and optionally a port (`127.0.0.1:8080`). An entry without a port matches only the
// scheme's default port, so `api.zoom.us` never lets the token go to `api.zoom.us:8443`.
// Plain http is allowed only to loopback hosts: a bearer token never crosses a network unencrypted.

export type UrlCheck = { ok: true } | { ok: false; reason: string }

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : ''
}

/** Lower-cased host without a trailing dot (`API.Zoom.us.` → `api.zoom.us`). */
function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '')
}

/** One allowlist entry as the checker reads it; also what main compares to see whether an edit widens the list. */
export interface AllowlistEntry {
  /** Normalised text (`*.zoom.us`, `127.0.0.1:8080`), for messages and equality. */
  text: string
  host: string
  /** ".zoom.us" for "*.zoom.us". */
  suffix?: string
  /** Undefined: the scheme's default port only. */
  port?: string
}

/** Trimmed, lower case, no trailing dot; a port is read as a number (`:0443` is `443`). */
export function parseAllowlistEntry(entry: string): AllowlistEntry {
  const e = normaliseHost(entry.trim())
  const m = /^(.*):(\d{1,5})$/.exec(e)
  const host = m ? (m[1] as string) : e
  const port = m ? String(Number(m[2])) : undefined
  const text = port === undefined ? host : `${host}:${port}`
  return { text, host, ...(host.startsWith('*.') ? { suffix: host.slice(1) } : {}), ...(port === undefined ? {} : { port }) }
}

export type UrlChecker = (url: URL) => UrlCheck

/** Compiles the allowlist once; the checker runs on every request. */
export function compileAllowlist(allowedDomains: readonly string[]): UrlChecker {
  const entries = allowedDomains.map(parseAllowlistEntry)
  return (url) => {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `${url.protocol} URLs are not allowed` }
    const host = normaliseHost(url.hostname)
    if (url.protocol === 'http:' && !LOOPBACK.has(host)) return { ok: false, reason: `${host} is reached over plain http; only https is allowed outside this computer` }
    if (url.username || url.password) return { ok: false, reason: 'URLs with a user name or password are not allowed' }
    const standard = defaultPort(url.protocol)
    const port = url.port || standard
    for (const e of entries) {
      if (e.port === undefined ? port !== standard : port !== e.port) continue
      if (e.suffix === undefined ? host === e.host : host.length > e.suffix.length && host.endsWith(e.suffix)) return { ok: true }
    }
    return { ok: false, reason: `${url.host} is not in this connection's allowed domains` }
  }
}

/** May a credential be sent to `url` under `allowedDomains`? */
export function checkUrlAllowed(url: URL, allowedDomains: readonly string[]): UrlCheck {
  return compileAllowlist(allowedDomains)(url)
}
