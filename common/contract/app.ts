import { z } from 'zod'
import { channel, noInput } from './define'

export interface ProtectionInfo {
  /** Which protector wraps the vault's data key, or none yet. */
  kind: 'os-keychain' | 'passphrase' | 'none'
  /** The OS keychain backend Electron reports (e.g. gnome_libsecret, basic_text, keychain, dpapi). */
  backend?: string
  /** False when the only available protection is not real protection (Linux basic_text). */
  secure: boolean
  /** Set when the keychain backend changed since the vault was written. */
  previousBackend?: string
  /** Plain-language reason when not secure. */
  reason?: string
}

export interface VaultStatus {
  state: 'uninitialised' | 'locked' | 'unlocked'
  protection: ProtectionInfo
  /** What this machine's keychain offers, so the UI can suggest the passphrase when it is weak. */
  keychain: { available: boolean; backend?: string; secure: boolean }
}

export interface AppInfo {
  name: string
  version: string
  platform: string
  arch: string
  versions: { electron?: string; chrome?: string; node: string }
  vault: VaultStatus
}

/** A file that could not be read and was moved aside, never silently emptied. */
export interface StoreProblem {
  file: string
  movedTo: string
  reason: string
  at: string
}

export const appChannels = {
  'app.info': channel<AppInfo>()(noInput),
  'app.problems': channel<StoreProblem[]>()(noInput),
  'app.dismissProblem': channel<StoreProblem[]>()(z.object({ movedTo: z.string().max(4096) }).strict()),
  'app.openExternal': channel<void>()(z.object({ url: z.string().max(2048) }).strict()),
}
