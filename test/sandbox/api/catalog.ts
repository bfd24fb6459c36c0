// The REST operations the sandbox serves. Scopes, rate-limit labels and page-size limits are
// Zoom's, as its OpenAPI files state them; catalog.test.ts checks every entry against those
// files, so this table cannot drift from them silently.
export type RateCategory = 'light' | 'medium' | 'heavy' | 'resource-intensive'
/** Zoom Phone has its own rate-limit table. */
export type RateFamily = 'api' | 'phone'
export type SpecName = 'Users' | 'Meetings' | 'Phone' | 'TeamChat'

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete'

export interface Operation {
  /** operationId in Zoom's OpenAPI file. */
  id: string
  /** The HTTP method as the OpenAPI file writes it; default 'get'. */
  method?: HttpMethod
  spec: SpecName
  /** Path as the OpenAPI file writes it, relative to /v2. */
  path: string
  /** Every scope the OpenAPI `security` list accepts (classic and granular). */
  scopes: readonly string[]
  category: RateCategory
  family: RateFamily
  /** The page_size maximum the OpenAPI file declares; undefined when not paginated. */
  maxPageSize?: number
  /** Key of the list in the response body. */
  listKey?: string
  /**
   * For an operation Zoom documents on its API reference but leaves out of its OpenAPI files: the
   * page it is documented on. The checks against the files skip it; it follows that page instead.
   */
  documentedAt?: string
  /** A multipart/form-data upload (uploads.ts), not a JSON write. */
  upload?: true
}

export const OPERATIONS: readonly Operation[] = [
  {
    id: 'userPicture', spec: 'Users', method: 'post', path: '/users/{userId}/picture', category: 'medium', family: 'api', upload: true,
    scopes: ['user:write:admin', 'user:write', 'user:write:profile_picture', 'user:write:profile_picture:admin'],
  },
  {
    // Zoom serves it from https://fileapi.zoom.us/v2 (the operation's description); the sandbox serves every host at one origin.
    id: 'addACustomEmoji', spec: 'TeamChat', method: 'post', path: '/chat/emoji/files', category: 'light', family: 'api', upload: true,
    scopes: ['chat:write', 'chat:write:admin', 'team_chat:write:custom_emoji', 'team_chat:write:custom_emoji:admin'],
  },
  {
    id: 'users', spec: 'Users', path: '/users', category: 'medium', family: 'api', maxPageSize: 2000, listKey: 'users',
    scopes: ['user:read', 'user:write', 'user:read:admin', 'user:write:admin', 'user:read:list_users:admin'],
  },
  {
    id: 'user', spec: 'Users', path: '/users/{userId}', category: 'light', family: 'api',
    scopes: ['user:read', 'user:write', 'user:read:admin', 'user:write:admin', 'user_profile', 'user_info:read', 'user:read:user', 'user:read:user:admin'],
  },
  {
    id: 'userCreate', spec: 'Users', method: 'post', path: '/users', category: 'light', family: 'api',
    scopes: ['user:write', 'user:write:admin', 'user:write:user:admin'],
  },
  {
    id: 'userUpdate', spec: 'Users', method: 'patch', path: '/users/{userId}', category: 'light', family: 'api',
    scopes: ['user:write:admin', 'user:write', 'user:update:user', 'user:update:user:admin'],
  },
  {
    id: 'userStatus', spec: 'Users', method: 'put', path: '/users/{userId}/status', category: 'light', family: 'api',
    scopes: ['user:write:admin', 'user:write', 'user:update:status', 'user:update:status:admin'],
  },
  {
    id: 'userDelete', spec: 'Users', method: 'delete', path: '/users/{userId}', category: 'light', family: 'api',
    scopes: ['user:write:admin', 'user:write', 'user:delete:user', 'user:delete:user:admin'],
  },
  {
    id: 'meetings', spec: 'Meetings', path: '/users/{userId}/meetings', category: 'medium', family: 'api', maxPageSize: 300, listKey: 'meetings',
    scopes: ['meeting:read:admin', 'meeting:read', 'meeting:read:list_meetings', 'meeting:read:list_meetings:admin'],
  },
  {
    id: 'meetingCreate', spec: 'Meetings', method: 'post', path: '/users/{userId}/meetings', category: 'light', family: 'api',
    scopes: ['meeting:write:admin', 'meeting:write', 'meeting:write:meeting', 'meeting:write:meeting:admin'],
  },
  {
    id: 'meetingUpdate', spec: 'Meetings', method: 'patch', path: '/meetings/{meetingId}', category: 'light', family: 'api',
    scopes: ['meeting:write', 'meeting:write:admin', 'meeting:update:meeting:admin', 'meeting:update:meeting'],
  },
  {
    id: 'meetingDelete', spec: 'Meetings', method: 'delete', path: '/meetings/{meetingId}', category: 'light', family: 'api',
    scopes: ['meeting:write:admin', 'meeting:write', 'meeting:delete:meeting', 'meeting:delete:meeting:admin'],
  },
  {
    id: 'meeting', spec: 'Meetings', path: '/meetings/{meetingId}', category: 'light', family: 'api',
    scopes: ['meeting:read', 'meeting:read:admin', 'meeting:read:meeting', 'meeting:read:meeting:admin'],
  },
  {
    id: 'webinars', spec: 'Meetings', path: '/users/{userId}/webinars', category: 'medium', family: 'api', maxPageSize: 300, listKey: 'webinars',
    scopes: ['webinar:read:admin', 'webinar:read', 'webinar:read:list_webinars', 'webinar:read:list_webinars:admin'],
  },
  {
    id: 'webinarCreate', spec: 'Meetings', method: 'post', path: '/users/{userId}/webinars', category: 'light', family: 'api',
    scopes: ['webinar:write', 'webinar:write:admin', 'webinar:write:webinar', 'webinar:write:webinar:admin'],
  },
  {
    id: 'webinarUpdate', spec: 'Meetings', method: 'patch', path: '/webinars/{webinarId}', category: 'light', family: 'api',
    scopes: ['webinar:write', 'webinar:write:admin', 'webinar:update:webinar', 'webinar:update:webinar:admin'],
  },
  {
    id: 'webinarDelete', spec: 'Meetings', method: 'delete', path: '/webinars/{webinarId}', category: 'light', family: 'api',
    scopes: ['webinar:write:admin', 'webinar:write', 'webinar:delete:webinar', 'webinar:delete:webinar:admin'],
  },
  {
    id: 'recordingsList', spec: 'Meetings', path: '/users/{userId}/recordings', category: 'medium', family: 'api', maxPageSize: 300, listKey: 'meetings',
    scopes: ['recording:read:admin', 'recording:read', 'cloud_recording:read:list_user_recordings', 'cloud_recording:read:list_user_recordings:master', 'cloud_recording:read:list_user_recordings:admin'],
  },
  {
    id: 'recordingDelete', spec: 'Meetings', method: 'delete', path: '/meetings/{meetingId}/recordings', category: 'light', family: 'api',
    scopes: ['recording:write:admin', 'recording:write', 'cloud_recording:delete:meeting_recording', 'cloud_recording:delete:meeting_recording:admin', 'cloud_recording:delete:meeting_recording:master'],
  },
  {
    // GET /accounts/{accountId}/recordings is on Zoom's API reference ("List recordings of an
    // account", operation getAccountCloudRecording) but in none of its OpenAPI files. That page:
    // classic scopes recording:read:admin (with a sub account's ID) or account:read:admin (with `me`
    // for the token's own account), granular cloud_recording:read:list_account_recordings:admin
    // and :master; rate-limit label Medium; page_size up to 300; next_page_token valid 15 minutes;
    // from/to of at most one month. The response is the user listing's envelope (from, to,
    // page_size, total_records, next_page_token, meetings[]), each meeting with its host_email.
    id: 'getAccountCloudRecording', spec: 'Meetings', path: '/accounts/{accountId}/recordings', category: 'medium', family: 'api', maxPageSize: 300, listKey: 'meetings',
    scopes: ['recording:read:admin', 'account:read:admin', 'cloud_recording:read:list_account_recordings:admin', 'cloud_recording:read:list_account_recordings:master'],
    documentedAt: 'https://developers.zoom.us/docs/api/rest/reference/zoom-api/methods/#operation/getAccountCloudRecording',
  },
  { id: 'reportDaily', spec: 'Meetings', path: '/report/daily', category: 'heavy', family: 'api', scopes: ['report:read:admin'] },
  {
    id: 'reportUsers', spec: 'Meetings', path: '/report/users', category: 'heavy', family: 'api', maxPageSize: 300, listKey: 'users',
    scopes: ['report:read:admin', 'report:read:list_users:admin'],
  },
  {
    id: 'listPhoneUsers', spec: 'Phone', path: '/phone/users', category: 'medium', family: 'phone', maxPageSize: 100, listKey: 'users',
    scopes: ['phone:read:admin', 'phone:read:list_users:admin'],
  },
  {
    id: 'accountCallHistory', spec: 'Phone', path: '/phone/call_history', category: 'heavy', family: 'phone', maxPageSize: 300, listKey: 'call_logs',
    scopes: ['phone:read:admin', 'phone_call_log:read:admin', 'phone:read:list_call_logs:admin'],
  },
  {
    id: 'phoneUserCallHistory', spec: 'Phone', path: '/phone/users/{userId}/call_history', category: 'medium', family: 'phone', maxPageSize: 300, listKey: 'call_logs',
    scopes: ['phone:read:admin', 'phone_call_log:read', 'phone:read:list_call_logs:admin', 'phone:read:list_call_logs'],
  },
]

/** `:admin` and `:master` scopes reach every user's data; the others only the token owner's. */
export function isAccountWideScope(scope: string): boolean {
  return scope.endsWith(':admin') || scope.endsWith(':master')
}

export function operationById(id: string): Operation {
  const op = OPERATIONS.find((o) => o.id === id)
  if (op === undefined) throw new Error(`no operation ${id}`)
  return op
}
