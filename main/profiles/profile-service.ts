// Connection profiles: create, edit, duplicate, delete, export and import (DESIGN.md; issue 4).
// Secrets go to the vault (write-only from the UI); the profile file never holds one.
import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import type { ImportResult, ProfileExportResult } from '../../common/contract/profiles'
import { AppError, type FieldIssue } from '../../common/errors'
import { cloudEndpoints, validateProfileDraft, validationUrlIssues, type Profile, type ProfileFields, type ProfileView } from '../../common/profile'
import { describeIssues } from '../../common/validation'
import type { Logger } from '../log/logger'
import type { Clock, DialogPort, EventSink } from '../ports'
import { writeFileAtomic, type DocumentFile } from '../store'
import type { CredentialLifecycle } from '../auth/credential-lifecycle'
import type { PendingSecrets } from '../tokens/pending-secrets'
import type { SecretStore } from '../tokens/secret-store'
import { StoredProfiles, type ProfileLookup } from './profile-lookup'
import { credentialBinding } from './credential-binding'
import { repairFields } from './repair-fields'
import { confirmImportReach, confirmNewCredentialHosts, newCredentialHosts } from './credential-reach'
import { checkImport, exportProfiles, nameKey } from './profile-transfer'
import type { ProfilesDocument } from './profiles-document'

/**
 * What an edit or a delete means for the profile's connection, and the lane it runs in
 * (main/auth/credential-lifecycle.ts): given at construction.
 */
export type ProfileConnectionLifecycle = Pick<CredentialLifecycle, 'run' | 'beforeDelete' | 'clientChanging' | 'dropTokens' | 'edited'>

export interface ProfileServiceDeps {
  /** Runs edits and deletes in the profile's lane (an edit or delete never interleaves with a connect or renewal) and says what they mean for its tokens. */
  lifecycle: ProfileConnectionLifecycle
  document: DocumentFile<ProfilesDocument>
  secrets: SecretStore
  events: EventSink
  clock: Clock
  dialogs: DialogPort
  log: Logger
  /** New secrets for working connections, held until a connect with them succeeds. */
  pendingSecrets?: PendingSecrets
  /** True when the profile has tokens Zoom has not ended (a connection worth keeping). */
  hasWorkingConnection?: (profileId: string) => boolean
}

const MAX_IMPORT_FILE_BYTES = 5_000_000
const JSON_FILTER = [{ name: 'JSON', extensions: ['json'] }]

export class ProfileService implements ProfileLookup {
  private readonly stored: StoredProfiles

  constructor(private readonly deps: ProfileServiceDeps) {
    this.stored = new StoredProfiles(deps.document)
  }

  get(profileId: string): Profile {
    return this.stored.get(profileId)
  }

  ids(): string[] {
    return this.stored.ids()
  }

  async list(): Promise<ProfileView[]> {
    return Promise.all(this.deps.document.read().profiles.map((p) => this.view(p)))
  }

  async view(profileOrId: Profile | string): Promise<ProfileView> {
    const profile = typeof profileOrId === 'string' ? this.get(profileOrId) : profileOrId
    const pending = this.deps.pendingSecrets?.has(profile.id) === true
    return {
      ...profile,
      hasClientSecret: this.deps.secrets.hasSecret(profile.id, 'clientSecret'),
      needsRepair: repairFields(this.deps.secrets, profile.id),
      ...(pending ? { pendingClientSecret: true } : {}),
    }
  }

  async create(draft: unknown): Promise<ProfileView> {
    const valid = this.validate(draft, false)
    this.assertUniqueName(valid.fields.name)
    await confirmNewCredentialHosts(this.deps.dialogs, [{ profileName: valid.fields.name, hosts: newCredentialHosts(undefined, valid.fields) }])
    const id = randomUUID()
    const now = this.isoNow()
    if (typeof valid.clientSecret === 'string') {
      await this.deps.secrets.setSecret(id, 'clientSecret', valid.clientSecret)
      // Bound before the profile exists, so there is no moment its secret is usable unbound. (A
      // profile without a secret is bound when it first connects.)
      await this.deps.secrets.bind(id, credentialBinding(valid.fields))
    }
    const profile: Profile = { ...valid.fields, id, createdAt: now, updatedAt: now }
    try {
      await this.deps.document.update((doc) => ({ ...doc, profiles: [...doc.profiles, profile] }))
    } catch (error) {
      await this.deps.secrets.deleteProfile(id).catch(() => undefined)
      throw error
    }
    this.changed([id])
    return this.view(profile)
  }

  /**
   * `replaceSecretNow`: a new secret replaces the stored one at once even when the connection
   * works; otherwise it waits (in memory) until a connect with it has succeeded.
   */
  async update(profileId: string, draft: unknown, options: { replaceSecretNow?: boolean } = {}): Promise<ProfileView> {
    const before = this.get(profileId)
    // A stored secret stays with the client and endpoints it was entered for (secretBinding).
    const valid = this.validate(draft, this.deps.secrets.hasSecret(profileId, 'clientSecret'), before)
    this.assertUniqueName(valid.fields.name, profileId)
    // Before anything changes (tokens, secret, file): a refusal leaves the profile as it was.
    await confirmNewCredentialHosts(this.deps.dialogs, [{ profileName: valid.fields.name, hosts: newCredentialHosts(before, valid.fields) }])
    const isPublic = valid.fields.grant === 'authorization_code' && valid.fields.clientType === 'public'
    const after = await this.deps.lifecycle.run(profileId, async () => {
      // The draft was checked (and any new hosts confirmed) against `before`: an edit that landed
      // meanwhile wins, and this one is refused rather than judged against the wrong profile.
      if (JSON.stringify(this.get(profileId)) !== JSON.stringify(before)) throw new AppError('CONFLICT', 'The profile was changed meanwhile; nothing was saved. Open it again.')
      const after: Profile = { ...valid.fields, id: profileId, createdAt: before.createdAt, updatedAt: this.isoNow() }
      const binding = { before: credentialBinding(before), after: credentialBinding(after) }
      const typedSecret = typeof valid.clientSecret === 'string'
      // Repairing a profile whose file was edited: its secrets do not match what it now names.
      const tampered = binding.before !== binding.after || typedSecret ? (await this.boundState(profileId, binding.before)) === 'mismatch' : false
      if (tampered) {
        if (!typedSecret && !isPublic) throw validationError('Not saved', [{ path: 'clientSecret', message: 'Enter the Client Secret again: the stored one was saved for other endpoints, client, allowed domains, redirect URL or PKCE method than this profile names' }])
        // Tokens obtained for whatever the file said are dropped unsent, not revoked there.
        await this.deps.lifecycle.dropTokens(profileId)
      } else if (grantIdentity(before) !== grantIdentity(after)) {
        await this.deps.lifecycle.clientChanging(before)
      }
      const pending = this.deps.pendingSecrets
      if (typedSecret && !tampered && pending && !options.replaceSecretNow && this.deps.secrets.hasSecret(profileId, 'clientSecret') && this.deps.hasWorkingConnection?.(profileId)) {
        // The working connection keeps its secret until the new one has connected.
        pending.set(profileId, valid.clientSecret as string)
      } else if (typeof valid.clientSecret === 'string') {
        pending?.clear(profileId)
        // Typing a new secret is the person's repair action for one that cannot be decrypted.
        await this.deps.secrets.setSecret(profileId, 'clientSecret', valid.clientSecret, { replaceUndecryptable: true })
      } else if ((valid.clientSecret === null || isPublic) && this.deps.secrets.hasSecret(profileId, 'clientSecret')) {
        await this.deps.secrets.deleteSecret(profileId, 'clientSecret')
      }
      if (binding.before !== binding.after || tampered) await this.deps.secrets.bind(profileId, binding.after)
      await this.deps.document.update((doc) => ({ ...doc, profiles: doc.profiles.map((p) => (p.id === profileId ? after : p)) }))
      return after
    })
    this.deps.lifecycle.edited(profileId)
    this.changed([profileId])
    return this.view(after)
  }

  async duplicate(profileId: string, name?: string): Promise<ProfileView> {
    const source = this.get(profileId)
    const wanted = name?.trim() || this.copyName(source.name)
    this.assertUniqueName(wanted)
    const now = this.isoNow()
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = source
    const copy: Profile = { ...fields, name: wanted, id: randomUUID(), createdAt: now, updatedAt: now }
    await this.deps.document.update((doc) => ({ ...doc, profiles: [...doc.profiles, copy] }))
    this.changed([copy.id])
    return this.view(copy)
  }

  async delete(profileId: string): Promise<{ revoked: boolean }> {
    this.get(profileId)
    // In the profile's lane: a connect or renewal queued behind the delete finds the profile gone,
    // one running before it finishes first and its tokens are revoked with the rest.
    const revoked = await this.deps.lifecycle.run(profileId, async () => {
      const profile = this.get(profileId)
      let revoked = false
      try {
        revoked = (await this.deps.lifecycle.beforeDelete(profile)).revoked
      } catch (error) {
        // Deleting must not depend on Zoom being reachable.
        this.deps.log.warn('Cleaning up the connection before deleting the profile failed', { profileId, error })
      }
      this.deps.pendingSecrets?.clear(profileId)
      await this.deps.secrets.deleteProfile(profileId)
      await this.deps.document.update((doc) => ({ ...doc, profiles: doc.profiles.filter((p) => p.id !== profileId) }))
      return revoked
    })
    this.changed([profileId])
    return { revoked }
  }

  exportJson(ids?: readonly string[]): { json: string; count: number } {
    const profiles = ids ? ids.map((id) => this.get(id)) : [...this.deps.document.read().profiles]
    const json = `${JSON.stringify(exportProfiles(profiles, this.isoNow()), null, 2)}\n`
    return { json, count: profiles.length }
  }

  async exportFile(ids?: readonly string[]): Promise<ProfileExportResult> {
    const { json, count } = this.exportJson(ids)
    const path = await this.deps.dialogs.chooseSaveFile({ title: 'Export connection profiles', defaultName: 'zoom-connect-profiles.json', filters: JSON_FILTER })
    if (!path) return { count: 0 }
    try {
      await writeFileAtomic(path, json)
    } catch (error) {
      throw new AppError('FILE_IO', `Could not write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    return { path, count }
  }

  async importJson(json: string): Promise<ImportResult> {
    const check = checkImport(json, this.deps.document.read().profiles.map((p) => p.name))
    if (!check.ok) throw validationError('Nothing was imported', check.issues)
    const reachIssues = check.profiles.flatMap((fields, index) => validationUrlIssues(fields, `profiles.${index}.validationUrl`))
    if (reachIssues.length > 0) throw validationError('Nothing was imported', reachIssues)
    await confirmImportReach(this.deps.dialogs, check.profiles)
    const now = this.isoNow()
    const created: Profile[] = check.profiles.map((fields) => ({ ...fields, id: randomUUID(), createdAt: now, updatedAt: now }))
    // One write: either every profile is added or none is.
    await this.deps.document.update((doc) => {
      const names = new Set(doc.profiles.map((p) => nameKey(p.name)))
      if (created.some((p) => names.has(nameKey(p.name)))) throw new AppError('CONFLICT', 'A profile with one of these names was created meanwhile; nothing was imported')
      return { ...doc, profiles: [...doc.profiles, ...created] }
    })
    this.changed(created.map((p) => p.id))
    return { created: await Promise.all(created.map((p) => this.view(p))) }
  }

  async importFile(): Promise<ImportResult & { path?: string }> {
    const path = await this.deps.dialogs.chooseOpenFile({ title: 'Import connection profiles', filters: JSON_FILTER })
    if (!path) return { created: [] }
    let text: string
    try {
      if ((await stat(path)).size > MAX_IMPORT_FILE_BYTES) throw new AppError('VALIDATION', 'The file is larger than 5 MB; it cannot be a profiles export')
      text = await readFile(path, 'utf8')
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError('FILE_IO', `Could not read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    return { ...(await this.importJson(text)), path }
  }

  private validate(draft: unknown, hasStoredSecret: boolean, saved?: Profile): { fields: ProfileFields; clientSecret: string | null | undefined } {
    const result = validateProfileDraft(draft, hasStoredSecret, saved)
    // validateProfileDraft includes the validation URL's reach (common/profile.ts validationUrlIssues).
    if (!result.ok) throw validationError('The profile is not valid', result.issues)
    return result
  }

  private assertUniqueName(name: string, exceptId?: string): void {
    const key = nameKey(name)
    const clash = this.deps.document.read().profiles.find((p) => p.id !== exceptId && nameKey(p.name) === key)
    if (clash) {
      throw new AppError('CONFLICT', `A profile named "${clash.name}" already exists`, { issues: [{ path: 'fields.name', message: 'Another profile already has this name' }] })
    }
  }

  /** "X (copy)", then "X (copy 2)", … within the 100-character limit. */
  private copyName(name: string): string {
    const taken = new Set(this.deps.document.read().profiles.map((p) => nameKey(p.name)))
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`
      const candidate = `${name.slice(0, 100 - suffix.length).trimEnd()}${suffix}`
      if (!taken.has(nameKey(candidate))) return candidate
    }
  }

  /** How the profile's secrets are bound; 'none' when it stores none (nothing to protect). */
  private async boundState(profileId: string, binding: string): Promise<'match' | 'mismatch' | 'none'> {
    const { secrets } = this.deps
    if (!secrets.hasSecret(profileId, 'clientSecret') && !secrets.hasSecret(profileId, 'tokens')) return 'none'
    return secrets.checkBinding(profileId, binding)
  }

  private changed(ids: string[]): void {
    this.deps.events.emit('profiles.changed', { ids })
  }

  private isoNow(): string {
    return new Date(this.deps.clock.now()).toISOString()
  }
}

function validationError(prefix: string, issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', `${prefix}: ${describeIssues(issues)}`, { issues })
}

/**
 * The fields that decide whose tokens the profile holds; changing one orphans them. Only what the
 * grant depends on: the account ID only for Server-to-Server, the client type only for the
 * authorization-code grant, the cloud by its endpoints (not by how they are spelled).
 */
function grantIdentity(profile: Profile): string {
  const { oauthBase, apiBase } = cloudEndpoints(profile.cloud)
  const client = profile.grant === 's2s' ? { accountId: profile.accountId } : { clientType: profile.clientType }
  return JSON.stringify({ grant: profile.grant, clientId: profile.clientId, ...client, oauthBase, apiBase })
}
