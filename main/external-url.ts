// Links leave the app only over https, only to the system browser, and only to hosts a person
// of this app has reason to visit: the renderer may ask, but a compromised renderer cannot
// send the person anywhere it likes.
const ALLOWED_HOSTS = ['zoom.us', 'zoomgov.com', 'zoom.com', 'github.com']

/** https on a Zoom (or our project's) host: the Marketplace, developer docs, support. */
export function isSafeExternalUrl(url: string): boolean {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '')
  return ALLOWED_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}
