// The vault: envelope encryption of each profile's secrets (DESIGN.md "Vault").
//
// A random 256-bit data key seals every secret (sealed-box.ts). The key is kept on disk only
// wrapped by a KeyProtector (OS keychain or passphrase) and in memory only while unlocked.
// A secret that cannot be decrypted is never deleted or silently replaced: it stays in the file,
// the profile is reported as needing repair, and replacing it must be asked for explicitly (the
// old ciphertext then moves to the archive).
import { randomBytes } from 'node:crypto'
import type { ProtectionInfo, VaultStatus } from '../../common/contract/app'
import { AppError } from '../../common/errors'
import type { DocumentFile, DocumentProblem } from '../store'
import { registerSecret } from '../log/redact'
import type { SafeStorageLike } from '../ports'
import type { KeyProtector, WrappedKey } from './key-protector'
import { createOsKeychainProtector, type OsKeychainProtector } from './os-keychain-protector'
import { createPassphraseProtector, type ScryptCost } from './passphrase-protector'
import { bindingMac, bindingTableMac } from './profile-binding'
import { KEY_BYTES, OpenFailure, canOpen, open, seal } from './sealed-box'
import { VaultError } from './vault-error'
import { SECRET_FIELDS, openVaultDocument, slotsOf, type SecretField, type SecretSlots, type VaultDocument, type VaultKeyRecord } from './vault-document'
import { equalInConstantTime } from '../constant-time'

/** `currentPassphrase` is required whenever the vault is protected by a passphrase now. */
export type ProtectionTarget =
  | { kind: 'os-keychain'; currentPassphrase?: string | undefined }
  | { kind: 'passphrase'; passphrase: string; currentPassphrase?: string | undefined }

export interface ChangeProtectionOptions {
  /**
   * Asked for every change, once the current passphrase (if any) was checked and before anything
   * is written; false leaves everything as it was (CANCELLED). A keychain vault moved to a
   * passphrase nobody told the person would lock them out at the next start, so that is asked too.
   */
  confirmChange?: (change: { from: ProtectionTarget['kind']; to: ProtectionTarget['kind'] }) => Promise<boolean>
}

export interface VaultOptions {
  document: DocumentFile<VaultDocument>
  keychain: OsKeychainProtector
  /** scrypt cost for new passphrase wrappings (tests use a cheap one). */
  passphraseCost?: ScryptCost
  now?: () => Date
  /** Source of new data keys; only the golden-fixture generator replaces it. */
  generateKey?: () => Buffer
  /** Builds the protector for a typed passphrase; tests wrap it to watch the scrypt runs. */
  passphraseProtector?: (passphrase: string) => KeyProtector
}

export interface SetSecretOptions {
  /**
   * Replace a stored value that cannot be decrypted (after the person chose to repair the profile).
   * The undecryptable ciphertext is moved to the archive, not deleted.
   */
  replaceUndecryptable?: boolean
}

/**
 * The key check also records which rule the vault's bindings follow (the index here). Only the key
 * can seal it, so a file edit cannot make a migrated vault look unmigrated (its schema version can
 * be rolled back, this cannot).
 * - 0: written before secrets were bound. Migrated at its first unlock: each profile that stores
 *   secrets and has no binding yet is bound to the profile as profiles.json names it then — the
 *   one moment a binding is trusted on first use.
 * - 1: bound, to fields that left out the redirect URI and PKCE method. Migrated at its first
 *   unlock: a binding that still matches its profile under rule 1 is bound again under the current
 *   rule, to the profile as it is then (the redirect URI and PKCE method are trusted on first use,
 *   once); one that does not match stays as it is, needing repair as before.
 * - 2: the current rule (main/profiles/credential-binding.ts).
 */
const CURRENT_KEY_CHECK_CONTEXT = ['key-check', 'bound-secrets', 'binding-rule-2'] as const
const KEY_CHECK_CONTEXTS: ReadonlyArray<readonly string[]> = [['key-check'], ['key-check', 'bound-secrets'], CURRENT_KEY_CHECK_CONTEXT]
const CURRENT_RULE = KEY_CHECK_CONTEXTS.length - 1
const KEY_CHECK_PLAINTEXT = 'zoom-connect vault key check'
const PROFILE_ID = /^[A-Za-z0-9_-]{1,128}$/

export class Vault {
  private readonly document: DocumentFile<VaultDocument>
  private readonly keychain: OsKeychainProtector
  private readonly passphraseCost: ScryptCost | undefined
  private readonly now: () => Date
  private readonly generateKey: () => Buffer
  private readonly makePassphraseProtector: (passphrase: string) => KeyProtector
  private dataKey: Buffer | null = null
  /** The keychain unlock in flight: concurrent callers share it. */
  private keychainUnlock: Promise<Buffer> | null = null
  /** Passphrase unlocks queued or running, by passphrase: callers with the same one share it. */
  private readonly passphraseUnlocks = new Map<string, Promise<Buffer>>()
  /**
   * Every scrypt run (unlock, passphrase check, wrap) waits its turn here: each takes 128 MiB and a
   * third of a second, so concurrent attempts must not add up.
   */
  private scryptTurn: Promise<unknown> = Promise.resolve()
  /** Bumped by lock(), so an unlock that finishes afterwards does not bring the key back. */
  private generation = 0
  /** The canonical profile fields each profile's secrets must be bound to (undefined: unknown profile). */
  private binder: ((profileId: string) => string | undefined) | undefined
  /** The same under the previous rule (1), to recognise the bindings of a vault not yet migrated. */
  private previousBinder: ((profileId: string) => string | undefined) | undefined

  constructor(options: VaultOptions) {
    this.document = options.document
    this.keychain = options.keychain
    this.passphraseCost = options.passphraseCost
    this.now = options.now ?? (() => new Date())
    this.generateKey = options.generateKey ?? (() => randomBytes(KEY_BYTES))
    this.makePassphraseProtector =
      options.passphraseProtector ?? ((passphrase) => createPassphraseProtector(passphrase, this.passphraseCost ? { cost: this.passphraseCost } : {}))
  }

  /** Files moved aside while opening vault.json (shown to the person). */
  get problems(): readonly DocumentProblem[] {
    return this.document.problems
  }

  status(): VaultStatus {
    const key = this.document.read().key
    const keychain = this.keychain.assess()
    const state = key === null ? 'uninitialised' : this.dataKey ? 'unlocked' : 'locked'
    return {
      state,
      protection: protectionOf(key, keychain),
      keychain: { available: keychain.available, backend: keychain.backend, secure: keychain.secure },
    }
  }

  /** Creates the data key and has the OS keychain wrap it; VAULT_PROTECTION_INSECURE on basic_text or without a keychain. */
  async setupWithKeychain(): Promise<VaultStatus> {
    return this.setup(this.keychain)
  }

  /** Creates the data key and wraps it with a key derived from `passphrase`. */
  async setupWithPassphrase(passphrase: string): Promise<VaultStatus> {
    const protector = this.passphraseProtector(passphrase)
    return this.oneScryptAtATime(() => this.setup(protector))
  }

  /**
   * Loads the data key. Keychain mode needs no argument (and secrets access unlocks it on demand);
   * passphrase mode needs the passphrase. Already unlocked: nothing happens. Passphrase attempts run
   * one at a time; concurrent callers with the same passphrase share one attempt.
   */
  async unlock(passphrase?: string): Promise<VaultStatus> {
    await this.ensureKey(passphrase)
    return this.status()
  }

  /** Drops the data key from memory. In keychain mode the next secret access unlocks again. */
  lock(): VaultStatus {
    this.generation += 1
    this.dataKey?.fill(0)
    this.dataKey = null
    // Attempts already running or queued see the new generation and give up.
    this.keychainUnlock = null
    this.passphraseUnlocks.clear()
    return this.status()
  }

  /**
   * Re-wraps the same data key with another protector (or a new passphrase); secrets are untouched.
   * The vault must be unlocked (a keychain vault unlocks itself). Any change away from a
   * passphrase (to the keychain, or to a new passphrase) also needs the current passphrase, and
   * every change is confirmed by the person (options.confirmChange), so whoever finds the app
   * unlocked can neither remove the protection nor lock the person out of their own secrets.
   */
  async changeProtection(target: ProtectionTarget, options: ChangeProtectionOptions = {}): Promise<VaultStatus> {
    const protector = target.kind === 'os-keychain' ? this.keychain : this.passphraseProtector(target.passphrase)
    await this.ensureKey()
    await this.oneScryptAtATime(async () => {
      const record = this.document.read().key
      if (!record) throw notInitialised()
      this.requireLoadedKey()
      const from = record.wrapped.kind === 'passphrase' ? 'passphrase' : 'os-keychain'
      if (from === 'passphrase') await this.checkCurrentPassphrase(target.currentPassphrase, record)
      if (options.confirmChange && !(await options.confirmChange({ from, to: target.kind }))) {
        throw new AppError('CANCELLED', 'The protection of your secrets was not changed.')
      }
      // A copy, taken before the next await: lock() zeroes the loaded key, and wrapping a zeroed key
      // would lose the real one for good.
      const dataKey = Buffer.from(this.requireLoadedKey())
      try {
        const wrapped = await protector.wrap(dataKey)
        await this.document.update((doc) => {
          if (!doc.key) throw notInitialised()
          return { ...doc, key: { ...doc.key, wrapped } }
        })
      } finally {
        dataKey.fill(0)
      }
    })
    return this.status()
  }

  /** Seals and stores a secret in one atomic write. Refuses to overwrite an undecryptable value unless asked. */
  async setSecret(profileId: string, field: SecretField, value: string, options: SetSecretOptions = {}): Promise<void> {
    assertSlot(profileId, field)
    await this.ensureKey()
    if (field !== 'tokens') registerSecret(value)
    await this.document.update((doc) => {
      const dataKey = this.requireLoadedKey()
      const slots = slotsOf(doc.secrets, profileId) ?? {}
      const existing = slots[field]
      let archive = doc.archive
      if (existing !== undefined && !canOpen(dataKey, existing, secretContext(profileId, field))) {
        if (!options.replaceUndecryptable) {
          throw new VaultError(
            'VAULT_DECRYPT_FAILED',
            `The stored ${describe(field)} of profile ${profileId} cannot be decrypted; it was kept. Repair the profile to replace it.`,
            { reason: 'needs-repair', profileId, field },
          )
        }
        archive = [...archive, { at: this.now().toISOString(), reason: 'replaced', key: doc.key, secrets: { [profileId]: { [field]: existing } } }]
      }
      const sealedValue = seal(dataKey, value, secretContext(profileId, field))
      const next = { ...doc, archive, secrets: { ...doc.secrets, [profileId]: { ...slots, [field]: sealedValue } } }
      // A profile's first secret, stored by the app, is bound to the profile as it stands (as when
      // it first connects); a profile that already stores secrets keeps the binding it has.
      const binding = this.binder?.(profileId)
      const bindings = authenticBindings(dataKey, doc)
      if (binding === undefined || Object.hasOwn(bindings, profileId) || storesSecrets(doc, profileId)) return next
      return withBindings(dataKey, next, { ...bindings, [profileId]: bindingMac(dataKey, profileId, binding) })
    })
  }

  /** The decrypted secret, undefined if none is stored; VAULT_DECRYPT_FAILED (naming profile and field) if it cannot be decrypted. */
  async getSecret(profileId: string, field: SecretField): Promise<string | undefined> {
    assertSlot(profileId, field)
    await this.ensureKey()
    // Re-read after the await: lock() may have run meanwhile (and zeroed the key).
    const dataKey = this.requireLoadedKey()
    const sealedValue = slotsOf(this.document.read().secrets, profileId)?.[field]
    if (sealedValue === undefined) return undefined
    await this.requireBinding(profileId, field)
    let plaintext: Buffer
    try {
      plaintext = open(dataKey, sealedValue, secretContext(profileId, field))
    } catch (error) {
      if (!(error instanceof OpenFailure)) throw error
      const why = error.reason === 'unsupported-format' ? 'was written in a format this version cannot read' : 'cannot be decrypted (damaged or not sealed with this vault key)'
      throw new VaultError('VAULT_DECRYPT_FAILED', `The stored ${describe(field)} of profile ${profileId} ${why}; it was kept. The profile needs repair.`, {
        reason: error.reason === 'unsupported-format' ? 'unsupported-format' : 'damaged',
        profileId,
        field,
      })
    }
    const value = plaintext.toString('utf8')
    plaintext.fill(0)
    if (field !== 'tokens') registerSecret(value)
    return value
  }

  /**
   * Where the canonical security fields of a profile come from (the profile service). From then
   * on a secret is handed out only while its profile's fields are the ones it was bound to.
   * `previousRule` gives them as the previous rule (1) wrote them: without it, a vault bound under
   * that rule cannot carry its bindings over, and its profiles need repair.
   */
  setBinder(binder: (profileId: string) => string | undefined, previousRule?: (profileId: string) => string | undefined): void {
    this.binder = binder
    this.previousBinder = previousRule
  }

  /** Binds the profile's secrets to `binding` (the profile was created or edited in the app). */
  async bind(profileId: string, binding: string): Promise<void> {
    assertProfileId(profileId)
    await this.ensureKey()
    await this.document.update((doc) => {
      const dataKey = this.requireLoadedKey()
      return withBindings(dataKey, doc, { ...authenticBindings(dataKey, doc), [profileId]: bindingMac(dataKey, profileId, binding) })
    })
  }

  /**
   * 'none': the profile stores no secret and has no binding (nothing to protect yet). A profile that
   * stores secrets without an authentic binding is a 'mismatch': its binding was removed.
   */
  async checkBinding(profileId: string, binding: string): Promise<'match' | 'mismatch' | 'none'> {
    assertProfileId(profileId)
    await this.ensureKey()
    return bindingState(this.requireLoadedKey(), this.document.read(), profileId, binding)
  }

  /** Whether a value is stored (works while locked; says nothing about whether it decrypts). */
  hasSecret(profileId: string, field: SecretField): boolean {
    return slotsOf(this.document.read().secrets, profileId)?.[field] !== undefined
  }

  /** Forgets one stored value (e.g. tokens on disconnect). An explicit request, so allowed even if undecryptable. */
  async deleteSecret(profileId: string, field: SecretField): Promise<void> {
    assertSlot(profileId, field)
    if (!this.hasSecret(profileId, field)) return
    await this.document.update((doc) => {
      const slots = slotsOf(doc.secrets, profileId)
      if (!slots) return doc
      const rest: SecretSlots = { ...slots }
      delete rest[field]
      return { ...doc, secrets: { ...doc.secrets, [profileId]: rest } }
    })
  }

  /** Removes every secret of a deleted profile. */
  async deleteProfile(profileId: string): Promise<void> {
    assertProfileId(profileId)
    const doc = this.document.read()
    if (!slotsOf(doc.secrets, profileId) && !Object.hasOwn(doc.bindings, profileId)) return
    await this.document.update((doc) => {
      const next = { ...doc, secrets: Object.fromEntries(Object.entries(doc.secrets).filter(([id]) => id !== profileId)) }
      // Without the key the table cannot be signed again; a binding left for a profile that stores
      // nothing protects nothing and harms nothing.
      if (!this.dataKey) return next
      const bindings = Object.fromEntries(Object.entries(authenticBindings(this.dataKey, doc)).filter(([id]) => id !== profileId))
      return withBindings(this.dataKey, next, bindings)
    })
  }

  /** The stored fields of a profile that cannot be decrypted; empty when the profile is healthy. */
  async repairState(profileId: string): Promise<SecretField[]> {
    assertProfileId(profileId)
    await this.ensureKey()
    return this.repairStateWith(this.requireLoadedKey(), profileId)
  }

  /**
   * repairState without loading the key (no keychain prompt, no passphrase): empty while the key
   * is not loaded, or while a vault written before bindings still waits for its migration.
   */
  loadedRepairState(profileId: string): SecretField[] {
    assertProfileId(profileId)
    const dataKey = this.dataKey
    if (!dataKey || (this.binder && needsMigration(dataKey, this.document.read().key))) return []
    return this.repairStateWith(dataKey, profileId)
  }

  private repairStateWith(dataKey: Buffer, profileId: string): SecretField[] {
    const doc = this.document.read()
    const binding = this.binder?.(profileId)
    // Every status push asks (see connection-book.ts): the answer is kept per document version
    // (a write makes a new document object), unlocked key and binding the profile has now.
    const known = repairVerdicts.get(doc)?.get(profileId)
    if (known?.dataKey === dataKey && known.binding === binding) return [...known.fields]
    const slots = slotsOf(doc.secrets, profileId)
    const fields = slots && this.bindingOf(dataKey, profileId) === 'mismatch' ? SECRET_FIELDS.filter((field) => slots[field] !== undefined) : undecryptableFields(dataKey, profileId, slots)
    const perProfile = repairVerdicts.get(doc) ?? new Map<string, RepairVerdict>()
    perProfile.set(profileId, { dataKey, binding, fields })
    repairVerdicts.set(doc, perProfile)
    return [...fields]
  }

  /** repairState for every profile that has a problem. */
  async profilesNeedingRepair(): Promise<Record<string, SecretField[]>> {
    await this.ensureKey()
    const dataKey = this.requireLoadedKey()
    const result: Record<string, SecretField[]> = {}
    for (const [profileId, slots] of Object.entries(this.document.read().secrets)) {
      const fields = this.bindingOf(dataKey, profileId) === 'mismatch' ? SECRET_FIELDS.filter((field) => slots[field] !== undefined) : undecryptableFields(dataKey, profileId, slots)
      if (fields.length > 0) result[profileId] = fields
    }
    return result
  }

  /**
   * Starts over with no key (e.g. the keychain that held the key is gone for good). Everything
   * stored so far moves to the archive, still sealed, rather than being deleted.
   */
  async reset(): Promise<VaultStatus> {
    this.lock()
    await this.document.update((doc) => {
      if (!doc.key && Object.keys(doc.secrets).length === 0) return doc
      return { ...doc, key: null, secrets: {}, bindings: {}, bindingsMac: null, archive: [...doc.archive, { at: this.now().toISOString(), reason: 'reset', key: doc.key, secrets: doc.secrets }] }
    })
    return this.status()
  }

  private async setup(protector: KeyProtector): Promise<VaultStatus> {
    if (this.document.read().key) throw alreadyInitialised()
    const dataKey = Buffer.from(this.generateKey())
    if (dataKey.length !== KEY_BYTES) throw new Error(`A vault key is ${KEY_BYTES} bytes`)
    const wrapped = await protector.wrap(dataKey)
    const key: VaultKeyRecord = { wrapped, check: sealKeyCheck(dataKey), createdAt: this.now().toISOString() }
    await this.document.update((doc) => {
      if (doc.key) throw alreadyInitialised()
      // A new vault is born bound: an empty, signed table.
      return withBindings(dataKey, { ...doc, key }, {})
    })
    this.lock()
    this.dataKey = dataKey
    return this.status()
  }

  private passphraseProtector(passphrase: string): KeyProtector {
    // The same check as createPassphraseProtector, also for injected factories.
    if (passphrase.length === 0) throw new VaultError('VAULT_BAD_PASSPHRASE', 'Enter the vault passphrase', { reason: 'passphrase-required' })
    return this.makePassphraseProtector(passphrase)
  }

  /** Runs `work` after every scrypt run queued before it has finished. */
  private oneScryptAtATime<T>(work: () => Promise<T>): Promise<T> {
    const result = this.scryptTurn.then(work)
    this.scryptTurn = result.then(ignore, ignore)
    return result
  }

  /** The data key, unwrapping it if needed; a vault bound under an older rule (or not at all) is migrated first. */
  private async ensureKey(passphrase?: string): Promise<Buffer> {
    const dataKey = await this.loadKey(passphrase)
    if (this.binder && needsMigration(dataKey, this.document.read().key)) await this.migrateBindings()
    return this.requireLoadedKey()
  }

  private async loadKey(passphrase?: string): Promise<Buffer> {
    if (this.dataKey) return this.dataKey
    const record = this.document.read().key
    if (!record) throw notInitialised()
    if (record.wrapped.kind === 'os-keychain') return this.unlockWithKeychain(record)
    if (passphrase === undefined) throw new VaultError('VAULT_LOCKED', 'The vault is locked: enter the passphrase to unlock it')
    return this.unlockWithPassphrase(passphrase)
  }

  /**
   * The first unlock of a vault bound under an older rule, or not at all (the only
   * trust-on-first-use moments, see KEY_CHECK_CONTEXTS): the bindings are brought to the current
   * rule, the table is signed, and the key check is sealed again for the current rule — all in one
   * write. Key records of this key kept in the archive get the new check too, so none of them can
   * be copied back to pass for an unmigrated vault.
   */
  private async migrateBindings(): Promise<void> {
    await this.document.update((doc) => {
      const dataKey = this.requireLoadedKey()
      if (!doc.key || !needsMigration(dataKey, doc.key)) return doc
      const bindings = bindingRuleOf(dataKey, doc.key) === 0 ? this.bindUnbound(dataKey, doc) : this.rebindUnderCurrentRule(dataKey, doc)
      const upgrade = (record: VaultKeyRecord): VaultKeyRecord => (needsMigration(dataKey, record) ? { ...record, check: sealKeyCheck(dataKey) } : record)
      const archive = doc.archive.map((entry) => (entry.key ? { ...entry, key: upgrade(entry.key) } : entry))
      return withBindings(dataKey, { ...doc, key: upgrade(doc.key), archive }, bindings)
    })
  }

  /**
   * From before bindings: those already recorded are kept (each is a MAC only the key can make),
   * and each other profile that stores secrets is bound to the profile as it stands now.
   */
  private bindUnbound(dataKey: Buffer, doc: VaultDocument): Record<string, string> {
    const bindings: Record<string, string> = {}
    for (const [profileId, mac] of Object.entries(doc.bindings)) if (PROFILE_ID.test(profileId)) bindings[profileId] = mac
    for (const profileId of Object.keys(doc.secrets)) {
      const binding = storesSecrets(doc, profileId) && !Object.hasOwn(bindings, profileId) ? this.binder?.(profileId) : undefined
      if (binding !== undefined) bindings[profileId] = bindingMac(dataKey, profileId, binding)
    }
    return bindings
  }

  /**
   * From rule 1: each binding that its profile still matches under rule 1 is made again under the
   * current rule for the profile as it is now. The others are kept as they are: a profile edited
   * outside the app before the upgrade still needs repair, and a binding of a profile profiles.json
   * does not name (any more) protects nothing. A table that does not authenticate counts as empty,
   * as it always does.
   */
  private rebindUnderCurrentRule(dataKey: Buffer, doc: VaultDocument): Record<string, string> {
    const bindings = { ...authenticBindings(dataKey, doc) }
    for (const [profileId, mac] of Object.entries(bindings)) {
      const before = this.previousBinder?.(profileId)
      const now = this.binder?.(profileId)
      if (before === undefined || now === undefined || !equalInConstantTime(mac, bindingMac(dataKey, profileId, before))) continue
      bindings[profileId] = bindingMac(dataKey, profileId, now)
    }
    return bindings
  }

  /** Single-flight: any number of concurrent callers cause one keychain request. */
  private unlockWithKeychain(record: VaultKeyRecord): Promise<Buffer> {
    if (this.keychainUnlock) return this.keychainUnlock
    const attempt = this.adopt(this.generation, this.unwrapAndVerify(this.keychain, record))
    this.keychainUnlock = attempt
    const done = () => {
      if (this.keychainUnlock === attempt) this.keychainUnlock = null
    }
    attempt.then(done, done)
    return attempt
  }

  /**
   * One attempt per distinct passphrase, run in turn. A caller never rides on an attempt with
   * another passphrase: even when an earlier attempt unlocked the vault meanwhile, its own
   * passphrase is checked.
   */
  private unlockWithPassphrase(passphrase: string): Promise<Buffer> {
    const pending = this.passphraseUnlocks.get(passphrase)
    if (pending) return pending
    const protector = this.passphraseProtector(passphrase)
    const generation = this.generation
    const attempt = this.oneScryptAtATime(async () => {
      if (generation !== this.generation) throw lockedMeanwhile()
      const record = this.document.read().key
      if (!record) throw notInitialised()
      return this.adopt(generation, this.unwrapAndVerify(protector, record))
    })
    this.passphraseUnlocks.set(passphrase, attempt)
    const done = () => {
      if (this.passphraseUnlocks.get(passphrase) === attempt) this.passphraseUnlocks.delete(passphrase)
    }
    attempt.then(done, done)
    return attempt
  }

  /** Makes an unwrapped key the loaded one, unless lock() ran since `generation`; a duplicate copy is zeroed. */
  private async adopt(generation: number, unwrapping: Promise<Buffer>): Promise<Buffer> {
    const dataKey = await unwrapping
    if (generation !== this.generation) {
      dataKey.fill(0)
      throw lockedMeanwhile()
    }
    if (this.dataKey) {
      if (dataKey !== this.dataKey) dataKey.fill(0)
      return this.dataKey
    }
    this.dataKey = dataKey
    return dataKey
  }

  /** Call inside oneScryptAtATime. */
  private async checkCurrentPassphrase(currentPassphrase: string | undefined, record: VaultKeyRecord): Promise<void> {
    if (!currentPassphrase) {
      throw new VaultError('VAULT_BAD_PASSPHRASE', 'Enter the current passphrase to change it', { reason: 'passphrase-required' })
    }
    const dataKey = await this.unwrapAndVerify(this.passphraseProtector(currentPassphrase), record)
    dataKey.fill(0)
  }

  private async unwrapAndVerify(protector: KeyProtector, record: VaultKeyRecord): Promise<Buffer> {
    const dataKey = await protector.unwrap(record.wrapped)
    if (bindingRuleOf(dataKey, record) === undefined) {
      dataKey.fill(0)
      throw new VaultError('VAULT_DECRYPT_FAILED', 'The recovered key is not the key of this vault.', { reason: 'key-mismatch' })
    }
    await this.recordBackendChange(record.wrapped, dataKey)
    return dataKey
  }

  /** The key was recovered under another keychain backend: re-wrap it there and remember the old one. */
  private async recordBackendChange(wrapped: WrappedKey, dataKey: Buffer): Promise<void> {
    if (wrapped.kind !== 'os-keychain') return
    const backend = this.keychain.assess().backend
    if (backend === wrapped.backend) return
    const rewrapped = await this.keychain.wrap(dataKey)
    await this.document.update((doc) => (doc.key ? { ...doc, key: { ...doc.key, wrapped: { ...rewrapped, previousBackend: wrapped.backend } } } : doc))
  }

  /** The binder's verdict for a profile; 'none' without a binder or for a profile it does not know. */
  private bindingOf(dataKey: Buffer, profileId: string): 'match' | 'mismatch' | 'none' {
    const binding = this.binder?.(profileId)
    if (binding === undefined) return 'none'
    return bindingState(dataKey, this.document.read(), profileId, binding)
  }

  /**
   * Refuses a secret whose profile no longer has the fields it was bound to, or has no authentic
   * binding at all (secrets stored before bindings existed were bound when the vault was migrated).
   */
  private async requireBinding(profileId: string, field: SecretField): Promise<void> {
    const binding = this.binder?.(profileId)
    if (binding === undefined) return
    const state = this.bindingOf(this.requireLoadedKey(), profileId)
    if (state === 'match') return
    if (state === 'none') {
      await this.bind(profileId, binding)
      return
    }
    throw new VaultError(
      'VAULT_DECRYPT_FAILED',
      `The stored ${describe(field)} of profile ${profileId} was saved for other endpoints, client, allowed domains, redirect URL or PKCE method than the profile now names (was its file edited?); it was kept and nothing was sent. Repair the profile: enter its Client Secret again.`,
      { reason: 'binding-mismatch', profileId, field },
    )
  }

  private requireLoadedKey(): Buffer {
    if (!this.dataKey) throw new VaultError('VAULT_LOCKED', 'The vault was locked meanwhile')
    return this.dataKey
  }
}

/** Opens vault.json in `dir` and builds a vault protected by the given safeStorage (or a passphrase). */
export async function openVault(options: {
  dir: string
  safeStorage: SafeStorageLike
  platform: NodeJS.Platform
  passphraseCost?: ScryptCost
  onProblem?: (problem: DocumentProblem) => void
  now?: () => Date
  generateKey?: () => Buffer
  passphraseProtector?: (passphrase: string) => KeyProtector
}): Promise<Vault> {
  const { safeStorage, platform, dir, onProblem, ...rest } = options
  const document = await openVaultDocument({ dir, ...(onProblem ? { onProblem } : {}), ...(rest.now ? { now: rest.now } : {}) })
  return new Vault({ ...rest, document, keychain: createOsKeychainProtector(safeStorage, platform) })
}

function protectionOf(key: VaultKeyRecord | null, keychain: ReturnType<OsKeychainProtector['assess']>): ProtectionInfo {
  if (!key) return { kind: 'none', secure: false, reason: 'The vault is not set up yet: choose how to protect your secrets.' }
  const wrapped = key.wrapped
  if (wrapped.kind === 'passphrase') return { kind: 'passphrase', secure: true }
  const info: ProtectionInfo = { kind: 'os-keychain', backend: keychain.backend, secure: keychain.secure }
  if (keychain.reason) info.reason = keychain.reason
  if (wrapped.backend !== keychain.backend) {
    info.previousBackend = wrapped.backend
    info.reason = `The keychain backend changed: the vault key was stored with ${wrapped.backend}, ${keychain.backend} is in use now.${keychain.reason ? ` ${keychain.reason}` : ''}`
  } else if (wrapped.previousBackend) {
    info.previousBackend = wrapped.previousBackend
  }
  return info
}

function bindingState(dataKey: Buffer, doc: VaultDocument, profileId: string, binding: string): 'match' | 'mismatch' | 'none' {
  const bindings = authenticBindings(dataKey, doc)
  const stored = Object.hasOwn(bindings, profileId) ? bindings[profileId] : undefined
  if (stored === undefined) return storesSecrets(doc, profileId) ? 'mismatch' : 'none'
  return equalInConstantTime(stored, bindingMac(dataKey, profileId, binding)) ? 'match' : 'mismatch'
}

/**
 * The bindings table if its MAC holds, otherwise none at all: an entry removed, added or rolled back
 * on its own, or the MAC deleted, leaves every profile that stores secrets needing repair.
 */
function authenticBindings(dataKey: Buffer, doc: VaultDocument): Record<string, string> {
  // Every secret read and profile view asks; the table's MAC covers all of it, so the verdict is
  // kept per document version (a write makes a new document object) and per unlocked key.
  const known = verdicts.get(doc)
  if (known?.dataKey === dataKey) return known.bindings
  const bindings = doc.bindingsMac !== null && signsBindings(dataKey, doc.key) && equalInConstantTime(doc.bindingsMac, bindingTableMac(dataKey, doc.bindings)) ? doc.bindings : {}
  verdicts.set(doc, { dataKey, bindings })
  return bindings
}
const verdicts = new WeakMap<VaultDocument, { dataKey: Buffer; bindings: Record<string, string> }>()

interface RepairVerdict {
  dataKey: Buffer
  binding: string | undefined
  fields: readonly SecretField[]
}
const repairVerdicts = new WeakMap<VaultDocument, Map<string, RepairVerdict>>()

function withBindings(dataKey: Buffer, doc: VaultDocument, bindings: Record<string, string>): VaultDocument {
  return { ...doc, bindings, bindingsMac: bindingTableMac(dataKey, bindings) }
}

/**
 * The rule the key check of `record` was sealed for (KEY_CHECK_CONTEXTS); undefined when it is not
 * a check of `dataKey` at all (a record of another key, kept in the archive, or a damaged one).
 */
function bindingRuleOf(dataKey: Buffer, record: VaultKeyRecord): number | undefined {
  // Asked on every vault call (ensureKey): at most one decryption per rule, key record and unlocked key.
  const known = ruleChecks.get(record)
  if (known?.dataKey === dataKey) return known.rule
  // Newest first: that is the answer for every vault once migrated.
  const found = KEY_CHECK_CONTEXTS.findLastIndex((context) => canOpen(dataKey, record.check, context))
  const rule = found < 0 ? undefined : found
  ruleChecks.set(record, { dataKey, rule })
  return rule
}
const ruleChecks = new WeakMap<VaultKeyRecord, { dataKey: Buffer; rule: number | undefined }>()

/** A key record of `dataKey` whose bindings follow an older rule than the current one (or none). */
function needsMigration(dataKey: Buffer, record: VaultKeyRecord | null): boolean {
  if (record === null) return false
  const rule = bindingRuleOf(dataKey, record)
  return rule !== undefined && rule < CURRENT_RULE
}

/** False for the key record of a vault from before bindings: no table it holds was signed by this app. */
function signsBindings(dataKey: Buffer, record: VaultKeyRecord | null): boolean {
  if (record === null) return true
  const rule = bindingRuleOf(dataKey, record)
  return rule !== undefined && rule > 0
}

function sealKeyCheck(dataKey: Buffer): string {
  return seal(dataKey, KEY_CHECK_PLAINTEXT, CURRENT_KEY_CHECK_CONTEXT)
}

function storesSecrets(doc: VaultDocument, profileId: string): boolean {
  const slots = slotsOf(doc.secrets, profileId)
  return slots !== undefined && SECRET_FIELDS.some((field) => slots[field] !== undefined)
}

function undecryptableFields(dataKey: Buffer, profileId: string, slots: SecretSlots | undefined): SecretField[] {
  if (!slots) return []
  return SECRET_FIELDS.filter((field) => {
    const sealedValue = slots[field]
    return sealedValue !== undefined && !canOpen(dataKey, sealedValue, secretContext(profileId, field))
  })
}

const secretContext = (profileId: string, field: SecretField) => ['secret', profileId, field] as const

const describe = (field: SecretField) => (field === 'clientSecret' ? 'client secret' : field === 'webhookSecret' ? 'webhook secret token' : 'tokens')

function assertProfileId(profileId: string): void {
  // `__proto__` would not survive as a key of a plain object (JSON, zod); ids are generated by main.
  if (typeof profileId !== 'string' || !PROFILE_ID.test(profileId) || profileId === '__proto__') {
    throw new VaultError('VALIDATION', 'Not a valid profile id')
  }
}

function assertSlot(profileId: string, field: SecretField): void {
  assertProfileId(profileId)
  if (!(SECRET_FIELDS as readonly string[]).includes(field)) throw new VaultError('VALIDATION', 'Not a vault field')
}

const ignore = () => undefined
const lockedMeanwhile = () => new VaultError('VAULT_LOCKED', 'The vault was locked while it was being unlocked')
const notInitialised = () => new VaultError('VAULT_NOT_INITIALISED', 'The vault is not set up yet: choose how to protect your secrets')
const alreadyInitialised = () => new VaultError('CONFLICT', 'The vault is already set up', { reason: 'already-initialised' })
