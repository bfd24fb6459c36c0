// The fields of a profile that decide where its client secret and tokens go, as one canonical
// text. The vault binds a profile's secrets to it (main/vault/profile-binding.ts): change any of
// these outside the app and the secrets are refused until the profile is repaired.
import { cloudEndpoints, effectiveEndpoints, type ProfileFields } from '../../common/profile'

type BoundFields = Pick<ProfileFields, 'grant' | 'clientId' | 'accountId' | 'cloud' | 'allowedDomains' | 'validationUrl'>

export function credentialBinding(fields: BoundFields): string {
  const { oauthBase, apiBase } = cloudEndpoints(fields.cloud)
  const { allowedDomains, validationUrl } = effectiveEndpoints(fields)
  const hosts = [...new Set(allowedDomains.map((d) => d.trim().toLowerCase()))].sort()
  return JSON.stringify({ grant: fields.grant, clientId: fields.clientId, accountId: fields.grant === 's2s' ? fields.accountId : null, oauthBase, apiBase, allowedDomains: hosts, validationUrl })
}
