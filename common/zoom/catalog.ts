// The hand-written catalog: what Zoom's OpenAPI files do not say about the built-in tabs (titles,
// descriptions, default columns and value labels, parameter labels and "all" choices, date-window
// rules), plus the facts the tabs need before Zoom's files have ever been fetched (list key, page
// size, rate-limit category, scopes). Once the files are read, those facts come from them
// (browse/list-spec.ts); test/common/zoom/catalog-openapi.test.ts checks our copies against the
// files so the fallback cannot drift silently. Any other list is described by Zoom's files alone.
import type { ColumnSpec, DetailResource, ListResource, ParamSpec, Resource } from './catalog-types'
import { ONE_MONTH_DAYS } from './date-windows'
import { DETAIL_RESOURCE_IDS, LIST_RESOURCE_IDS, type DetailResourceId, type ListResourceId, type UntabbedListId } from './resource-ids'

export type * from './catalog-types'
export { missingScopes, acceptedScopes, isAccountWideScope, parseScopeString, grantableScopes, scopesForApp, missingScopesForApp, scopeLevelOf, scopeMissingMessage, type ScopeLevel, type ScopeStyle } from './scopes'
export { splitDateWindows, type DateWindow } from './date-windows'
export { expandPath, pathParamNames } from './paths'
// The scope presets are derived from this catalog: import them from './scope-presets'.

const SIX_MONTHS_DAYS = 183

const USER_TYPES = { '1': 'Basic', '2': 'Licensed', '3': 'On-prem', '4': 'Unassigned', '99': 'None' } as const
const MEETING_TYPES = { '1': 'Instant', '2': 'Scheduled', '3': 'Recurring, no fixed time', '4': 'PMI', '8': 'Recurring, fixed time', '10': 'Screen share only' } as const
const WEBINAR_TYPES = { '5': 'Webinar', '6': 'Recurring, no fixed time', '9': 'Recurring, fixed time' } as const
/**
 * Zoom Phone's call results (Phone.json's `call_results` of the account's call history) as a person
 * says them: Zoom's `no_answer` is what the phone calls a missed call.
 */
const CALL_RESULTS = {
  answered: 'Answered', accepted: 'Accepted', picked_up: 'Picked up', connected: 'Connected', succeeded: 'Succeeded',
  voicemail: 'Voicemail', hang_up: 'Hung up', canceled: 'Canceled', call_failed: 'Call failed', unconnected: 'Not connected',
  rejected: 'Rejected', busy: 'Busy', ring_timeout: 'Ring timeout', overflowed: 'Overflowed', no_answer: 'Missed (no answer)',
  invalid_key: 'Invalid key', invalid_operation: 'Invalid operation', abandoned: 'Abandoned', system_blocked: 'Blocked by the system',
  service_unavailable: 'Service unavailable',
} as const
const CALL_DIRECTIONS = { inbound: 'Inbound', outbound: 'Outbound' } as const

const dateParam = (name: 'from' | 'to', required = false, help?: string): ParamSpec => ({
  name,
  label: name === 'from' ? 'From' : 'To',
  type: 'date',
  ...(required ? { required } : {}),
  ...(help ? { help } : {}),
})

const occurrenceParams: readonly ParamSpec[] = [
  { name: 'occurrence_id', label: 'Occurrence ID', type: 'string' },
  { name: 'show_previous_occurrences', label: 'Show previous occurrences', type: 'boolean' },
]

const meetingColumns = (types: Readonly<Record<string, string>>): ColumnSpec[] => [
  { path: 'id', label: 'ID' },
  { path: 'topic', label: 'Topic' },
  { path: 'type', label: 'Type', valueLabels: types },
  { path: 'start_time', label: 'Start', format: 'datetime' },
  { path: 'duration', label: 'Duration', format: 'minutes' },
  { path: 'timezone', label: 'Time zone' },
  // Zoom's list gives only host_id; the crawl adds the host's e-mail (main/data/jobs/crawl-units.ts).
  { path: 'host_email', label: 'Host e-mail' },
  { path: 'host_id', label: 'Host ID' },
  { path: 'created_at', label: 'Created', format: 'datetime' },
  { path: 'join_url', label: 'Join URL', format: 'url' },
]

const RECORDING_COLUMNS: readonly ColumnSpec[] = [
  { path: 'topic', label: 'Topic' },
  { path: 'start_time', label: 'Start', format: 'datetime' },
  { path: 'duration', label: 'Duration', format: 'minutes' },
  { path: 'recording_count', label: 'Files', format: 'number' },
  { path: 'total_size', label: 'Size', format: 'bytes' },
  { path: 'host_email', label: 'Host e-mail' },
  { path: 'host_id', label: 'Host ID' },
  { path: 'id', label: 'Meeting ID' },
  { path: 'uuid', label: 'UUID' },
]

export const LIST_RESOURCES: { readonly [K in ListResourceId]: ListResource & { id: K } } = {
  users: {
    kind: 'list',
    id: 'users',
    title: 'Users',
    description: 'Every user of the account with their license, role and status.',
    path: '/users',
    listKey: 'users',
    idKeys: ['id', 'email'],
    paginated: true,
    maxPageSize: 2000,
    perUser: false,
    category: 'medium',
    family: 'api',
    scopes: { classic: ['user:read:admin', 'user:read', 'user:write:admin', 'user:write'], granular: ['user:read:list_users:admin'] },
    params: [
      {
        name: 'status',
        label: 'Status',
        type: 'enum',
        values: ['active', 'inactive', 'pending'],
        default: 'active',
        expands: { value: 'all', label: 'All statuses', into: ['active', 'inactive', 'pending'] },
      },
      { name: 'role_id', label: 'Role ID', type: 'string' },
      { name: 'include_fields', label: 'Include fields', type: 'enum', values: ['custom_attributes', 'host_key'] },
      { name: 'license', label: 'License', type: 'enum', values: ['zoom_workforce_management', 'zoom_compliance_management'] },
    ],
    defaultColumns: [
      { path: 'email', label: 'Email' },
      { path: 'display_name', label: 'Name' },
      { path: 'type', label: 'License', valueLabels: USER_TYPES },
      { path: 'status', label: 'Status' },
      { path: 'role_id', label: 'Role ID' },
      { path: 'dept', label: 'Department' },
      { path: 'timezone', label: 'Time zone' },
      { path: 'created_at', label: 'Created', format: 'datetime' },
      { path: 'last_login_time', label: 'Last sign-in', format: 'datetime' },
      { path: 'last_client_version', label: 'Client version' },
      { path: 'id', label: 'User ID' },
    ],
  },
  meetings: {
    kind: 'list',
    id: 'meetings',
    title: 'Meetings',
    description: "A user's scheduled meetings (instant meetings are not listed by Zoom).",
    path: '/users/{userId}/meetings',
    listKey: 'meetings',
    idKeys: ['uuid', 'id'],
    paginated: true,
    maxPageSize: 300,
    perUser: true,
    category: 'medium',
    family: 'api',
    scopes: { classic: ['meeting:read:admin', 'meeting:read'], granular: ['meeting:read:list_meetings:admin', 'meeting:read:list_meetings'] },
    params: [
      { name: 'type', label: 'Type', type: 'enum', values: ['scheduled', 'live', 'upcoming', 'upcoming_meetings', 'previous_meetings'], default: 'scheduled', help: 'previous_meetings lists the meetings that took place; From and To narrow them to a date range.' },
      dateParam('from'),
      dateParam('to'),
      { name: 'timezone', label: 'Time zone', type: 'string' },
    ],
    defaultColumns: meetingColumns(MEETING_TYPES),
  },
  webinars: {
    kind: 'list',
    id: 'webinars',
    title: 'Webinars',
    description: "A user's webinars.",
    path: '/users/{userId}/webinars',
    listKey: 'webinars',
    idKeys: ['uuid', 'id'],
    paginated: true,
    maxPageSize: 300,
    perUser: true,
    category: 'medium',
    family: 'api',
    requires: 'the Webinar add-on',
    scopes: { classic: ['webinar:read:admin', 'webinar:read'], granular: ['webinar:read:list_webinars:admin', 'webinar:read:list_webinars'] },
    params: [{ name: 'type', label: 'Type', type: 'enum', values: ['scheduled', 'upcoming'], default: 'scheduled' }],
    defaultColumns: meetingColumns(WEBINAR_TYPES),
  },
  recordings: {
    kind: 'list',
    id: 'recordings',
    title: 'Cloud recordings',
    description: "A user's cloud recordings, one row per recorded meeting with its files.",
    path: '/users/{userId}/recordings',
    listKey: 'meetings',
    idKeys: ['uuid', 'id'],
    paginated: true,
    maxPageSize: 300,
    perUser: true,
    category: 'medium',
    family: 'api',
    scopes: {
      classic: ['recording:read:admin', 'recording:read'],
      granular: ['cloud_recording:read:list_user_recordings:admin', 'cloud_recording:read:list_user_recordings:master', 'cloud_recording:read:list_user_recordings'],
    },
    params: [
      dateParam('from', false, 'UTC date; Zoom returns at most one month per request; longer ranges are fetched month by month. Without a date Zoom lists the recordings of today only.'),
      dateParam('to'),
      { name: 'trash', label: 'From the trash', type: 'boolean', default: false, help: 'Trash results cannot be filtered by date.' },
      { name: 'trash_type', label: 'Trash type', type: 'enum', values: ['meeting_recordings', 'recording_file'], default: 'meeting_recordings' },
      { name: 'meeting_id', label: 'Meeting ID', type: 'integer', min: 0 },
    ],
    dateWindow: { from: 'from', to: 'to', maxDays: ONE_MONTH_DAYS, required: false },
    defaultColumns: RECORDING_COLUMNS,
  },
  'report.daily': {
    kind: 'list',
    id: 'report.daily',
    title: 'Daily usage report',
    description: 'New users, meetings, participants and meeting minutes for each day of a month.',
    path: '/report/daily',
    listKey: 'dates',
    idKeys: ['date'],
    paginated: false,
    perUser: false,
    category: 'heavy',
    family: 'api',
    requires: 'a Pro or higher plan',
    // Zoom's OpenAPI lists no granular scope for this endpoint.
    scopes: { classic: ['report:read:admin'], granular: [] },
    params: [
      { name: 'year', label: 'Year', type: 'integer', min: 2000, max: 2100 },
      { name: 'month', label: 'Month', type: 'integer', min: 1, max: 12, help: 'Must fall within the last 6 months.' },
      { name: 'group_id', label: 'Group ID', type: 'string' },
    ],
    defaultColumns: [
      { path: 'date', label: 'Date', format: 'date' },
      { path: 'new_users', label: 'New users', format: 'number' },
      { path: 'meetings', label: 'Meetings', format: 'number' },
      { path: 'participants', label: 'Participants', format: 'number' },
      { path: 'meeting_minutes', label: 'Meeting minutes', format: 'number' },
    ],
  },
  'report.hosts': {
    kind: 'list',
    id: 'report.hosts',
    title: 'Active/inactive hosts',
    description: 'Hosts with their meetings, participants and minutes over a period of at most one month.',
    path: '/report/users',
    listKey: 'users',
    idKeys: ['id', 'email'],
    paginated: true,
    maxPageSize: 300,
    perUser: false,
    category: 'heavy',
    family: 'api',
    requires: 'a Pro or higher plan',
    scopes: { classic: ['report:read:admin'], granular: ['report:read:list_users:admin'] },
    params: [
      { name: 'type', label: 'Hosts', type: 'enum', values: ['active', 'inactive'], default: 'active', expands: { value: 'all', label: 'Active and inactive', into: ['active', 'inactive'] } },
      dateParam('from', true, 'At most one month per request, within the last 6 months.'),
      dateParam('to', true),
      { name: 'group_id', label: 'Group ID', type: 'string' },
    ],
    dateWindow: { from: 'from', to: 'to', maxDays: ONE_MONTH_DAYS, maxAgeDays: SIX_MONTHS_DAYS, required: true, periodTotals: true },
    defaultColumns: [
      { path: 'from', label: 'From', format: 'date' },
      { path: 'to', label: 'To', format: 'date' },
      { path: 'email', label: 'Email' },
      { path: 'user_name', label: 'Name' },
      { path: 'type', label: 'License', valueLabels: USER_TYPES },
      { path: 'dept', label: 'Department' },
      { path: 'meetings', label: 'Meetings', format: 'number' },
      { path: 'participants', label: 'Participants', format: 'number' },
      { path: 'meeting_minutes', label: 'Meeting minutes', format: 'number' },
      { path: 'id', label: 'User ID' },
    ],
  },
  'phone.users': {
    kind: 'list',
    id: 'phone.users',
    title: 'Phone users',
    description: 'Zoom Phone users with their extension, site and calling plans.',
    path: '/phone/users',
    listKey: 'users',
    idKeys: ['id', 'phone_user_id', 'email'],
    paginated: true,
    maxPageSize: 100,
    perUser: false,
    category: 'medium',
    family: 'phone',
    requires: 'a Zoom Phone license',
    scopes: { classic: ['phone:read:admin'], granular: ['phone:read:list_users:admin'] },
    params: [
      { name: 'status', label: 'Status', type: 'enum', values: ['activate', 'deactivate', 'pending'] },
      { name: 'site_id', label: 'Site ID', type: 'string' },
      { name: 'calling_type', label: 'Calling type', type: 'integer', min: 0 },
      { name: 'department', label: 'Department', type: 'string' },
      { name: 'cost_center', label: 'Cost center', type: 'string' },
      { name: 'keyword', label: 'Keyword', type: 'string' },
    ],
    defaultColumns: [
      { path: 'name', label: 'Name' },
      { path: 'email', label: 'Email' },
      { path: 'extension_number', label: 'Extension' },
      { path: 'status', label: 'Status' },
      { path: 'site.name', label: 'Site' },
      { path: 'department', label: 'Department' },
      { path: 'cost_center', label: 'Cost center' },
      { path: 'id', label: 'Phone user ID' },
    ],
  },
  'phone.callHistory': {
    kind: 'list',
    id: 'phone.callHistory',
    title: 'Call history',
    description: "The account's Zoom Phone call history (the successor of the deprecated call logs).",
    path: '/phone/call_history',
    // Zoom's 2026 spec marks `call_logs` deprecated in favour of `call_history`; accept either.
    listKey: 'call_logs',
    altListKeys: ['call_history'],
    idKeys: ['id', 'call_id'],
    paginated: true,
    maxPageSize: 300,
    perUser: false,
    category: 'heavy',
    family: 'phone',
    requires: 'a Business or Enterprise plan with Zoom Phone',
    scopes: { classic: ['phone:read:admin', 'phone_call_log:read:admin'], granular: ['phone:read:list_call_logs:admin'] },
    params: [
      dateParam('from', false, 'At most one month per request, within the last 6 months. Default: the last 24 hours.'),
      dateParam('to'),
      { name: 'keyword', label: 'Keyword', type: 'string' },
      { name: 'department', label: 'Department', type: 'string' },
      { name: 'cost_center', label: 'Cost center', type: 'string' },
      { name: 'time_type', label: 'Dates refer to', type: 'enum', values: ['start_time', 'end_time'], default: 'start_time' },
      { name: 'recording_status', label: 'Recording', type: 'enum', values: ['recorded', 'non_recorded'] },
      // Zoom takes several of each (the parameter repeated); one choice covers the usual question.
      { name: 'directions', label: 'Direction', type: 'enum', values: Object.keys(CALL_DIRECTIONS), valueLabels: CALL_DIRECTIONS },
      { name: 'call_results', label: 'Result', type: 'enum', values: Object.keys(CALL_RESULTS), valueLabels: CALL_RESULTS },
    ],
    dateWindow: { from: 'from', to: 'to', maxDays: ONE_MONTH_DAYS, maxAgeDays: SIX_MONTHS_DAYS, required: false },
    defaultColumns: [
      { path: 'start_time', label: 'Start', format: 'datetime' },
      { path: 'direction', label: 'Direction', valueLabels: CALL_DIRECTIONS },
      { path: 'caller_name', label: 'Caller' },
      { path: 'caller_did_number', label: 'Caller number' },
      { path: 'callee_name', label: 'Callee' },
      { path: 'callee_did_number', label: 'Callee number' },
      { path: 'duration', label: 'Duration', format: 'seconds' },
      { path: 'call_result', label: 'Result', valueLabels: CALL_RESULTS },
      { path: 'site_name', label: 'Site' },
      { path: 'id', label: 'Call log ID' },
    ],
  },
}

/**
 * Lists with no tab of their own. The account-wide recordings listing, GET
 * /accounts/{accountId}/recordings (`me`: the token's own account): every user's cloud recordings
 * in one listing, inactive users' too, instead of one per user; the Cloud recordings tab offers it
 * as "Whole account, one listing". Zoom documents it on its API reference ("List recordings of an
 * account", operation getAccountCloudRecording) but leaves it out of its OpenAPI files, so all of
 * it is written here from that page:
 *   - `me` lists the token's own account with account:read:admin, or the granular
 *     cloud_recording:read:list_account_recordings:admin / :master; recording:read:admin works
 *     only for a sub account named by its ID, so it does not count here;
 *   - rate-limit label Medium; page_size up to 300; next_page_token (valid 15 minutes);
 *   - from/to (yyyy-mm-dd, UTC) at most one month apart, within the past six months; without
 *     them Zoom lists today only;
 *   - the body is the per-user listing's: `meetings`, each with its recording_files and the
 *     host's e-mail.
 */
export const UNTABBED_LISTS: { readonly [K in UntabbedListId]: ListResource & { id: K } } = {
  'account.recordings': {
    kind: 'list',
    id: 'account.recordings',
    title: 'The account-wide recordings listing',
    description: "Every user's cloud recordings in one listing, one row per recorded meeting with its files.",
    path: '/accounts/{accountId}/recordings',
    listKey: 'meetings',
    idKeys: ['uuid', 'id'],
    paginated: true,
    maxPageSize: 300,
    perUser: false,
    pathDefaults: { accountId: 'me' },
    category: 'medium',
    family: 'api',
    scopes: { classic: ['account:read:admin'], granular: ['cloud_recording:read:list_account_recordings:admin', 'cloud_recording:read:list_account_recordings:master'] },
    params: [dateParam('from', false, 'UTC date; at most one month per request, within the past six months; longer ranges are fetched month by month.'), dateParam('to')],
    // "Within the past six months" is left to Zoom, whose answer says so: the app's clock and
    // Zoom's may disagree about today near the edge.
    dateWindow: { from: 'from', to: 'to', maxDays: ONE_MONTH_DAYS, required: false },
    defaultColumns: RECORDING_COLUMNS,
  },
}

export const DETAIL_RESOURCES: { readonly [K in DetailResourceId]: DetailResource & { id: K } } = {
  user: {
    kind: 'detail',
    id: 'user',
    title: 'User',
    description: 'One user, by id, email or `me`.',
    path: '/users/{userId}',
    idParam: 'userId',
    category: 'light',
    family: 'api',
    scopes: {
      classic: ['user:read:admin', 'user:read', 'user:write:admin', 'user:write', 'user_profile', 'user_info:read'],
      granular: ['user:read:user:admin', 'user:read:user'],
    },
    params: [
      { name: 'encrypted_email', label: 'Email is encrypted', type: 'boolean', default: false },
      { name: 'search_by_unique_id', label: 'Search by employee unique ID', type: 'boolean' },
    ],
  },
  meeting: {
    kind: 'detail',
    id: 'meeting',
    title: 'Meeting',
    description: 'One meeting, by meeting ID (or UUID for a past instance).',
    path: '/meetings/{meetingId}',
    idParam: 'meetingId',
    category: 'light',
    family: 'api',
    scopes: { classic: ['meeting:read:admin', 'meeting:read'], granular: ['meeting:read:meeting:admin', 'meeting:read:meeting'] },
    params: occurrenceParams,
  },
  webinar: {
    kind: 'detail',
    id: 'webinar',
    title: 'Webinar',
    description: 'One webinar, by webinar ID (or UUID for a past instance).',
    path: '/webinars/{webinarId}',
    idParam: 'webinarId',
    category: 'light',
    family: 'api',
    requires: 'the Webinar add-on',
    scopes: { classic: ['webinar:read:admin', 'webinar:read'], granular: ['webinar:read:webinar:admin', 'webinar:read:webinar'] },
    params: occurrenceParams,
  },
}

/** Every resource, lists first, in the order of resource-ids.ts (the order of the browse tabs). */
export const ALL_RESOURCES: readonly Resource[] = [...LIST_RESOURCE_IDS.map((id) => LIST_RESOURCES[id]), ...DETAIL_RESOURCE_IDS.map((id) => DETAIL_RESOURCES[id])]
