// The fields of a profile that decide where its client secret and tokens go, as one canonical
// text. The vault binds a profile's secrets to it (main/vault/profile-binding.ts): change any of
// these outside the app and the secrets are refused until the profile is repaired.
//
// Rule 2 also covers, for a sign-in, the redirect URI (where Zoom sends the authorization code)
// and the PKCE method (S256 → plain or none would let whoever sees the code exchange it).
// Vaults bound under rule 1 are re-bound once, at their first unlock (vault.ts): the text of
// rule 1 is kept, unchanged to the character, only to recognise those bindings.
import { cloudEndpoints, effectiveEndpoints, type ProfileFields } from '../../common/profile'

type BoundFields = Pick<ProfileFields, 'grant' | 'clientId' | 'accountId' | 'cloud' | 'allowedDomains' | 'validationUrl' | 'redirectUri' | 'pkceMethod'>
type Rule1Fields = Omit<BoundFields, 'redirectUri' | 'pkceMethod'>

/** The canonical text under the current rule (2). */
export function credentialBinding(fields: BoundFields): string {
  const signIn = fields.grant === 'authorization_code'
  // Rule 1's keys first, then two more: no text of rule 2 can equal one of rule 1.
  return JSON.stringify({ ...rule1Fields(fields), redirectUri: signIn ? fields.redirectUri : null, pkceMethod: signIn ? fields.pkceMethod : null })
}

/** The canonical text under rule 1, which vaults written before rule 2 hold bindings of. */
export function credentialBindingRule1(fields: Rule1Fields): string {
  return JSON.stringify(rule1Fields(fields))
}

function rule1Fields(fields: Rule1Fields) {
  const { oauthBase, apiBase } = cloudEndpoints(fields.cloud)
  const { allowedDomains, validationUrl } = effectiveEndpoints(fields)
  const hosts = [...new Set(allowedDomains.map((d) => d.trim().toLowerCase()))].sort()
  return { grant: fields.grant, clientId: fields.clientId, accountId: fields.grant === 's2s' ? fields.accountId : null, oauthBase, apiBase, allowedDomains: hosts, validationUrl }
}
