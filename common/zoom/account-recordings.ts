// The account-wide recordings listing, GET /accounts/{accountId}/recordings with `me`: every user's
// cloud recordings in one listing, instead of one listing per user. Zoom documents it on its API
// reference ("List recordings of an account", operation getAccountCloudRecording,
// https://developers.zoom.us/docs/api/rest/reference/zoom-api/methods/#operation/getAccountCloudRecording)
// but leaves it out of its OpenAPI files, so it is described here by hand from that page:
//   - `me` lists the token's own account with account:read:admin, or the granular
//     cloud_recording:read:list_account_recordings:admin / :master; recording:read:admin works only
//     for a sub account named by its ID, so it does not count here;
//   - rate-limit label Medium; page_size up to 300; next_page_token (valid 15 minutes);
//   - from/to (yyyy-mm-dd, UTC) at most one month apart, the month within the past six months;
//     without them Zoom lists today only;
//   - the body is the user listing's: from, to, page_size, total_records, next_page_token, and
//     `meetings`, each with its recording_files and the host's e-mail.
import type { AcceptedScopes } from './catalog-types'
import { acceptedScopes } from './scopes'

const ONE_MONTH_DAYS = 28
const SIX_MONTHS_DAYS = 183

export const ACCOUNT_RECORDINGS = {
  title: 'The account-wide recordings listing',
  path: '/accounts/me/recordings',
  listKey: 'meetings',
  idKeys: ['uuid', 'id'],
  maxPageSize: 300,
  category: 'medium',
  family: 'api',
  scopes: {
    classic: ['account:read:admin'],
    granular: ['cloud_recording:read:list_account_recordings:admin', 'cloud_recording:read:list_account_recordings:master'],
  } satisfies AcceptedScopes,
  /** The only query parameters the listing takes besides paging. */
  params: ['from', 'to'],
  dateWindow: { from: 'from', to: 'to', maxDays: ONE_MONTH_DAYS, maxAgeDays: SIX_MONTHS_DAYS },
} as const

/**
 * Whether a grant can use the account-wide listing: one of its scopes is granted. Unknown granted
 * scopes (not connected yet) count as allowed; Zoom's own answer then says what is missing.
 */
export function accountRecordingsAllowed(grantedScopes: readonly string[] | undefined): boolean {
  if (grantedScopes === undefined || grantedScopes.length === 0) return true
  const granted = new Set(grantedScopes)
  return acceptedScopes(ACCOUNT_RECORDINGS).some((scope) => granted.has(scope))
}
