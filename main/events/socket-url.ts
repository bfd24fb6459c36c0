// Where a connection's event socket goes. Zoom's WebSocket endpoint URL (the Marketplace shows it
// on the event subscription) is `wss://ws.zoom.us/ws?subscriptionId=…`, and the access token is
// appended as `&access_token=…` (developers.zoom.us/docs/api/websockets). Zoom for Government's
// host is not in that page: we follow the pattern of its other hosts (api.zoomgov.com beside
// api.zoom.us) and use ws.zoomgov.com; the README says so. A custom cloud (the sandbox) gets the
// socket on its API host at /ws, unless the person set an explicit events URL.
//
// The URL built here holds the access token: it is handed only to the socket factory and never
// logged, returned, put in an error or sent over the bridge.
import { AppError } from '../../common/errors'
import { effectiveEndpoints, type Profile } from '../../common/profile'
import { checkUrlAllowed } from '../../common/zoom/allowlist'

/** The socket's base URL (no query) for a profile, honouring an explicit events URL. */
export function eventsBaseUrl(profile: Pick<Profile, 'cloud'>, explicitUrl: string): string {
  if (explicitUrl !== '') return explicitUrl
  switch (profile.cloud.kind) {
    case 'zoom':
      return 'wss://ws.zoom.us/ws'
    case 'zoomgov':
      return 'wss://ws.zoomgov.com/ws'
    case 'custom': {
      const api = new URL(profile.cloud.apiBaseUrl)
      api.protocol = api.protocol === 'https:' ? 'wss:' : 'ws:'
      api.pathname = '/ws'
      api.search = ''
      api.hash = ''
      return api.toString()
    }
  }
}

/**
 * The allowlist speaks of https/http hosts; a wss/ws URL reaches the same host and port with the
 * same transport security, so it is checked as its https/http twin.
 */
export function assertSocketAllowed(baseUrl: string, profile: Pick<Profile, 'cloud' | 'validationUrl' | 'allowedDomains'>): void {
  const url = new URL(baseUrl)
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') throw new AppError('VALIDATION', `The events URL must use wss:// (it uses ${url.protocol})`)
  const twin = new URL(baseUrl.replace(/^ws/i, 'http'))
  const check = checkUrlAllowed(twin, effectiveEndpoints(profile).allowedDomains)
  if (!check.ok) throw new AppError('DOMAIN_NOT_ALLOWED', `The event socket would send the access token outside this connection's allowed domains: ${check.reason}`)
}

/** The full socket URL with the subscription and the token: secret, for the socket factory only. */
export function socketUrlWithToken(baseUrl: string, subscriptionId: string, accessToken: string): string {
  const url = new URL(baseUrl)
  url.search = ''
  url.searchParams.set('subscriptionId', subscriptionId)
  url.searchParams.set('access_token', accessToken)
  return url.toString()
}
