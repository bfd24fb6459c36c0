// Where a profile's credential may be sent (DESIGN.md, "Security model"), checked when a profile
// is written. The renderer may be compromised: if a save could quietly add a host to the
// allowlist, `auth.test` or the console would hand that host the access token. So main asks the
// person in its own native dialog before the allowlist in force grows beyond what it was (or the
// cloud's defaults), (The validation URL's reach is checked with the draft: common/profile.ts validationUrlIssues.)
import { AppError } from '../../common/errors'
import { cloudEndpoints, defaultAllowedDomains, effectiveEndpoints, type ProfileFields } from '../../common/profile'
import { parseAllowlistEntry, type AllowlistEntry } from '../../common/zoom/allowlist'
import { quotedName } from '../dialog-text'
import type { DialogPort } from '../ports'

type ReachFields = Pick<ProfileFields, 'cloud' | 'validationUrl' | 'allowedDomains'>

/** Does `outer` already let the credential reach every host `inner` names? */
function covers(outer: AllowlistEntry, inner: AllowlistEntry): boolean {
  if (outer.port !== inner.port) return false
  if (outer.host === inner.host) return true
  if (outer.suffix === undefined) return false
  // "*.zoom.us" covers "api.zoom.us" and "*.eu.zoom.us", not "zoom.us".
  const innerHost = inner.suffix === undefined ? inner.host : inner.suffix.slice(1)
  return innerHost.length > outer.suffix.length && innerHost.endsWith(outer.suffix)
}

/**
 * The host patterns of `next`'s allowlist in force that neither `before`'s allowlist in force nor
 * `next`'s cloud defaults already cover. Empty: nothing widens, no question to ask.
 */
export function newCredentialHosts(before: ReachFields | undefined, next: ReachFields): string[] {
  const known = [...(before ? effectiveEndpoints(before).allowedDomains : []), ...defaultAllowedDomains(next.cloud)].map(parseAllowlistEntry)
  const added = effectiveEndpoints(next)
    .allowedDomains.map(parseAllowlistEntry)
    .filter((p) => !known.some((k) => covers(k, p)))
  return [...new Set(added.map((p) => p.text))]
}


export interface Widening {
  profileName: string
  hosts: string[]
}

/**
 * Asks the person, in main's native dialog, before the credentials of `widenings` may go to new
 * hosts. Resolves when confirmed (or nothing widens); rejects with CANCELLED otherwise.
 */
export async function confirmNewCredentialHosts(dialogs: DialogPort, widenings: readonly Widening[]): Promise<void> {
  const asked = widenings.filter((w) => w.hosts.length > 0)
  if (asked.length === 0) return
  const hosts = [...new Set(asked.flatMap((w) => w.hosts))]
  // The hosts come first and the names (written by whoever edited the profile) last, each escaped
  // on a line of its own: a name cannot pre-write the question or push the hosts out of sight.
  const perConnection = asked.map((w) => (asked.length === 1 ? `Connection: ${quotedName(w.profileName)}` : `${w.hosts.join(', ')} for ${quotedName(w.profileName)}`))
  const confirmed = await dialogs.confirm({
    title: 'Allow new domains',
    message: `Send an access token to ${hosts.join(', ')}?`,
    detail: `New domains: ${hosts.join(', ')}\n${perConnection.join('\n')}\n\nThe connection's access token is sent to every allowed domain it calls. Allow only hosts you added yourself and trust; if you did not just edit or import these connections, choose Cancel.`,
    confirmLabel: 'Allow',
  })
  if (!confirmed) throw new AppError('CANCELLED', `Not saved: sending this connection’s credential to ${hosts.join(', ')} was not confirmed.`)
}

/**
 * An import file may come from anyone: before connections that point at another cloud than
 * Zoom's own (zoom.us, zoomgov.com), or that would send their token to hosts beyond their
 * cloud's defaults, are created, main shows those endpoints and hosts in its own dialog. One
 * question for the whole file; CANCELLED imports nothing.
 */
export async function confirmImportReach(dialogs: DialogPort, profiles: readonly ProfileFields[]): Promise<void> {
  const asked = profiles.flatMap((fields) => {
    const foreignCloud = fields.cloud.kind === 'custom'
    const hosts = newCredentialHosts(undefined, fields)
    if (!foreignCloud && hosts.length === 0) return []
    const { oauthBase, apiBase } = cloudEndpoints(fields.cloud)
    const reach = [...(foreignCloud ? [`OAuth ${oauthBase}`, `API ${apiBase}`] : []), ...(hosts.length > 0 ? [`token also to ${hosts.join(', ')}`] : [])]
    return [{ name: fields.name, reach: reach.join(', '), hosts: [...(foreignCloud ? [new URL(oauthBase).host, new URL(apiBase).host] : []), ...hosts] }]
  })
  if (asked.length === 0) return
  const hosts = [...new Set(asked.flatMap((a) => a.hosts))]
  // Hosts first, each connection's name last on its line, escaped: the file writes the names.
  const confirmed = await dialogs.confirm({
    title: 'Import connections',
    message: `Import connections that send their credentials to ${hosts.join(', ')}?`,
    detail: `Hosts: ${hosts.join(', ')}\n${asked.map((a) => `${a.reach} for ${quotedName(a.name)}`).join('\n')}\n\nThe Client Secret you enter for these connections, and their tokens, go to these hosts. Import only a file you made yourself or got from someone you trust; otherwise choose Cancel.`,
    confirmLabel: 'Import',
  })
  if (!confirmed) throw new AppError('CANCELLED', `Nothing was imported: sending credentials to ${hosts.join(', ')} was not confirmed.`)
}
