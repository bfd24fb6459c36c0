// The editor's working copy of a profile and its translation to the ProfileDraft main accepts.
// Validation is common/profile.ts's validateProfileDraft: the same rules main applies.
import type { ProfileDraft, ProfileFields, ProfileView } from '../../../common/profile'
import { crossFieldIssues, defaultProfileFields, profileFieldsSchema, secretReentryReason, usesClientSecret, validateProfileDraft } from '../../../common/profile'
import type { AppKind } from '../../store/slices/session'
import { kindInfo } from '../connections/kinds'
import { issuesByField } from '../../shared/field-issues'

export interface SecretInput {
  /** 'keep' leaves the stored secret alone; 'replace' sends what is typed. */
  mode: 'keep' | 'replace'
  value: string
}

export interface EditorDraft {
  fields: ProfileFields
  /** Scopes as typed: separated by spaces, commas or new lines. */
  scopesText: string
  allowedDomainsText: string
  secret: SecretInput
}

export const SUGGESTED_REDIRECT = 'https://localhost/zoom-connect/callback'

export function emptyFields(kind: AppKind): ProfileFields {
  const { defaults } = kindInfo(kind)
  return { ...defaultProfileFields(defaults.grant), ...defaults, appType: defaults.appType ?? 'user', clientType: defaults.clientType ?? 'confidential', pkceMethod: defaults.pkceMethod ?? 'S256' }
}

export function draftFromKind(kind: AppKind): EditorDraft {
  return { fields: withSuggestedRedirect(emptyFields(kind)), scopesText: '', allowedDomainsText: '', secret: { mode: 'replace', value: '' } }
}

/**
 * Apps that sign in through a redirect start with the suggested URL as the field's value (not a
 * placeholder that only looks like one), so it can be copied into the Marketplace at once.
 */
export function withSuggestedRedirect(fields: ProfileFields): ProfileFields {
  return fields.grant === 'authorization_code' && fields.redirectUri === '' ? { ...fields, redirectUri: SUGGESTED_REDIRECT } : fields
}

/** The keys of a profile's own fields, as the strict field schema knows them. */
const FIELD_KEYS = Object.keys(profileFieldsSchema.shape) as (keyof ProfileFields)[]

export function draftFromProfile(profile: ProfileView): EditorDraft {
  const { hasClientSecret, needsRepair } = profile
  // Only the fields: a flag of the view (pendingClientSecret, …) left in would make the strict
  // schema refuse every save with an issue on no field ("Some fields need attention", none marked).
  const fields = Object.fromEntries(FIELD_KEYS.map((key) => [key, profile[key]])) as unknown as ProfileFields
  const secretUnreadable = needsRepair.includes('clientSecret')
  return {
    fields,
    scopesText: fields.scopes.join(' '),
    allowedDomainsText: fields.allowedDomains.join('\n'),
    // Never pre-filled: a stored secret is kept unless the person chooses to replace it.
    secret: hasClientSecret && !secretUnreadable ? { mode: 'keep', value: '' } : { mode: 'replace', value: '' },
  }
}

export const splitList = (text: string) => text.split(/[\s,]+/).filter((s) => s.length > 0)

export const usesSecret = usesClientSecret

/** What is sent to main. A public client drops any stored secret (null); an empty replacement keeps it. */
export function toProfileDraft(draft: EditorDraft, hasStoredSecret: boolean): ProfileDraft {
  const fields: ProfileFields = { ...draft.fields, scopes: splitList(draft.scopesText), allowedDomains: splitList(draft.allowedDomainsText) }
  let clientSecret: string | null | undefined
  if (!usesSecret(fields)) clientSecret = hasStoredSecret ? null : undefined
  else if (draft.secret.mode === 'replace' && draft.secret.value.trim() !== '') clientSecret = draft.secret.value
  return clientSecret === undefined ? { fields } : { fields, clientSecret }
}

/** The editor's key for an issue path: `fields.scopes.3` → `scopes`, `fields.cloud.apiBaseUrl` → `cloud.apiBaseUrl`. */
export function fieldKey(path: string): string {
  if (path === 'clientSecret') return 'clientSecret'
  const rest = path.startsWith('fields.') ? path.slice('fields.'.length) : path
  const [head, second] = rest.split('.')
  if (head === 'cloud' && second) return `cloud.${second}`
  return head ?? ''
}

const trimmed = (fields: ProfileFields): ProfileFields => ({
  ...fields,
  accountId: fields.accountId.trim(),
  clientId: fields.clientId.trim(),
  redirectUri: fields.redirectUri.trim(),
  validationUrl: fields.validationUrl.trim(),
})

/** `saved`: the stored profile, whose secret is bound to its Client ID and endpoints. */
export function validateDraft(draft: EditorDraft, hasStoredSecret: boolean, saved?: Pick<ProfileFields, 'clientId' | 'cloud'>): Record<string, string> {
  const body = toProfileDraft(draft, hasStoredSecret)
  const result = validateProfileDraft(body, hasStoredSecret, saved)
  if (result.ok) return {}
  // The shared validator stops at the field schema; the cross-field rules (Account ID for S2S, the
  // secret, the redirect URL) are run too so every problem shows at once, not one round at a time.
  const fields = trimmed(body.fields as ProfileFields)
  const mustBeReentered = hasStoredSecret && saved ? secretReentryReason(saved, fields) : undefined
  const cross = crossFieldIssues(fields, { stored: hasStoredSecret, provided: body.clientSecret, mustBeReentered })
  return { ...issuesByField(cross, fieldKey), ...issuesByField(result.issues, fieldKey) }
}
