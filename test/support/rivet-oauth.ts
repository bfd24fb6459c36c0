// Rivet (Zoom's Node SDK) in tests, talking OAuth to a local server instead of Zoom.
// Its OAuth host is the fixed https://zoom.us (its API base URL can be overridden, its OAuth host
// cannot), so an interceptor on the shared axios instance rivet imports rewrites that one origin
// and nothing else. Its code exchange and refresh live on the client's `auth`, which its own
// callback receiver calls and its typings keep private; tests call the same methods directly.
import axios from 'axios'

const ZOOM_OAUTH_ORIGIN = 'https://zoom.us'

/** Sends rivet's OAuth requests to `baseUrl` until the returned function is called. */
export function routeRivetOAuthTo(baseUrl: string): () => void {
  const id = axios.interceptors.request.use((config) => {
    if (config.url !== undefined && config.url.startsWith(`${ZOOM_OAUTH_ORIGIN}/`)) {
      config.url = `${baseUrl}${config.url.slice(ZOOM_OAUTH_ORIGIN.length)}`
    }
    return config
  })
  return () => axios.interceptors.request.eject(id)
}

/** What rivet's auth objects offer (S2S has getToken only). */
export interface RivetAuth {
  getToken(): Promise<string>
  initRedirectCode(code: string): Promise<void>
  refreshAccessToken(refreshToken: string): Promise<{ accessToken: string; refreshToken: string }>
}

/** The `auth` of a rivet product client (UsersOAuthClient, UsersS2SAuthClient, …). */
export function rivetAuth(client: object): RivetAuth {
  return (client as { auth: RivetAuth }).auth
}
