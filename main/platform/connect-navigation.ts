// Where the connect window may go. Identity providers may be anywhere, so any https page is
// allowed; plain http only to this machine, where the local Zoom sandbox (`npm run demo`) serves
// its sign-in and consent forms. Nothing readable by others travels over loopback.
import { isIPv4 } from 'node:net'

/** 127.0.0.0/8, ::1 and `localhost` (which resolves to loopback by RFC 6761). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === 'localhost.' || host === '[::1]') return true
  return isIPv4(host) && host.startsWith('127.')
}

/** https anywhere, http only to a loopback host; nothing else (file:, data:, javascript:, …). */
export function isConnectWindowUrl(url: string): boolean {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && isLoopbackHostname(parsed.hostname)
}
