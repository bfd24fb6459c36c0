// The Marketplace apps registered on the sandbox account, with ids and secrets derived from the
// seed (or overridden, so other suites can plant recognisable canary secrets).
import { ZOOM_READ_SCOPES } from './api/generic/read-scopes'
import { hash2, idFrom } from './hash'
import type { AppKey, AppOverride, AppsInfo } from './types'

export type AppLevel = 'account' | 'admin' | 'user'

export interface RegisteredApp {
  key: AppKey
  name: string
  clientId: string
  /** Undefined for the public PKCE client. */
  clientSecret: string | undefined
  redirectUris: string[]
  scopes: string[]
  /** 'account' = S2S, 'admin' = admin-managed, 'user' = user-managed or public. */
  level: AppLevel
}

/**
 * Granular admin scopes, plus the classic report scope the daily report still requires, and the
 * write scopes of the writes the sandbox answers (meetings, webinars, users and their status; moving
 * recordings to the trash), the uploads it answers (profile pictures, custom emoji), and the
 * account-wide recordings listing.
 */
export const ADMIN_SCOPES = [
  'user:read:list_users:admin', 'user:read:user:admin', 'meeting:read:list_meetings:admin',
  'meeting:read:meeting:admin', 'webinar:read:list_webinars:admin',
  'cloud_recording:read:list_user_recordings:admin', 'report:read:list_users:admin', 'report:read:admin',
  'phone:read:list_users:admin', 'phone:read:list_call_logs:admin',
  'meeting:write:meeting:admin', 'meeting:update:meeting:admin', 'meeting:delete:meeting:admin',
  'cloud_recording:delete:meeting_recording:admin', 'cloud_recording:read:list_account_recordings:admin',
  'webinar:write:webinar:admin', 'webinar:update:webinar:admin', 'webinar:delete:webinar:admin',
  'user:write:user:admin', 'user:update:user:admin', 'user:update:status:admin', 'user:delete:user:admin',
  'user:write:profile_picture:admin', 'team_chat:write:custom_emoji:admin',
]

export const USER_SCOPES = [
  'user:read:user', 'meeting:read:list_meetings', 'meeting:read:meeting', 'webinar:read:list_webinars',
  'cloud_recording:read:list_user_recordings', 'phone:read:list_call_logs',
]

/** The account-level apps' scopes: the hand-written endpoints' and a read scope of every other GET. */
export const ACCOUNT_APP_SCOPES = [...ADMIN_SCOPES, ...ZOOM_READ_SCOPES]

const DEFINITIONS: Record<AppKey, { name: string; level: AppLevel; scopes: string[]; confidential: boolean }> = {
  s2s: { name: 'Sandbox Server-to-Server App', level: 'account', scopes: ACCOUNT_APP_SCOPES, confidential: true },
  userOAuth: { name: 'Sandbox User-managed App', level: 'user', scopes: USER_SCOPES, confidential: true },
  adminOAuth: { name: 'Sandbox Admin-managed App', level: 'admin', scopes: ACCOUNT_APP_SCOPES, confidential: true },
  public: { name: 'Sandbox Public PKCE Client', level: 'user', scopes: USER_SCOPES, confidential: false },
}

const APP_KEYS = Object.keys(DEFINITIONS) as AppKey[]

export class AppRegistry {
  private readonly byKey = new Map<AppKey, RegisteredApp>()
  private readonly byClientId = new Map<string, RegisteredApp>()

  constructor(seed: number, baseUrl: string, overrides: Partial<Record<AppKey, AppOverride>> = {}) {
    APP_KEYS.forEach((key, n) => {
      const def = DEFINITIONS[key]
      const override = overrides[key] ?? {}
      const app: RegisteredApp = {
        key,
        name: def.name,
        clientId: override.clientId ?? idFrom(seed, hash2(0xa99, n), 22),
        clientSecret: def.confidential ? (override.clientSecret ?? idFrom(seed, hash2(0x5ec, n), 32)) : undefined,
        redirectUris: key === 's2s' ? [] : (override.redirectUris ?? [`${baseUrl}/callback`]),
        scopes: override.scopes ?? [...def.scopes],
        level: def.level,
      }
      if (this.byClientId.has(app.clientId)) throw new Error(`duplicate client id for app ${key}`)
      this.byKey.set(key, app)
      this.byClientId.set(app.clientId, app)
    })
  }

  get(key: AppKey): RegisteredApp {
    const app = this.byKey.get(key)
    if (app === undefined) throw new Error(`unknown app ${key}`)
    return app
  }

  findByClientId(clientId: string): RegisteredApp | undefined {
    return this.byClientId.get(clientId)
  }

  info(accountId: string): AppsInfo {
    const s2s = this.get('s2s')
    const user = this.get('userOAuth')
    const admin = this.get('adminOAuth')
    const pub = this.get('public')
    return {
      s2s: { accountId, clientId: s2s.clientId, clientSecret: s2s.clientSecret ?? '' },
      userOAuth: { clientId: user.clientId, clientSecret: user.clientSecret ?? '', redirectUri: user.redirectUris[0] ?? '' },
      adminOAuth: { clientId: admin.clientId, clientSecret: admin.clientSecret ?? '', redirectUri: admin.redirectUris[0] ?? '' },
      public: { clientId: pub.clientId, redirectUri: pub.redirectUris[0] ?? '' },
    }
  }
}
