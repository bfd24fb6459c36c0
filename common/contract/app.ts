import { z } from 'zod'
import { callIdSchema, channel, noInput } from './define'

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
  /** The machine's regional format (a BCP 47 tag), which CSV for Excel's default separator follows; absent: English. */
  locale?: string
  vault: VaultStatus
}

/** A file that could not be read and was moved aside, never silently emptied. */
export interface StoreProblem {
  file: string
  movedTo: string
  /** True when the file was repaired in place and `movedTo` is a copy of the person's version. */
  copied?: boolean
  reason: string
  at: string
}

/**
 * The longest text a Copy button may hand to main (UTF-16 units): a whole console response body
 * (capped at 2 MiB) pretty-printed still fits; anything bigger is refused, not truncated.
 */
export const COPY_TEXT_MAX_CHARS = 4 * 1024 * 1024

export const appChannels = {
  'app.info': channel<AppInfo>()(noInput),
  'app.problems': channel<StoreProblem[]>()(noInput),
  'app.dismissProblem': channel<StoreProblem[]>()(z.object({ movedTo: z.string().max(4096) }).strict()),
  'app.openExternal': channel<void>()(z.object({ url: z.string().max(2048) }).strict()),
  /** Non-secret text (a redirect URL, scopes, curl, a response) put on the clipboard by main, so no page needs a clipboard permission. */
  'app.copyText': channel<void>()(z.object({ text: z.string().min(1).max(COPY_TEXT_MAX_CHARS) }).strict()),
  /**
   * Cancels a call this window made with that call id (the bridge's second argument): its handler's
   * signal aborts and it answers CANCELLED. False when no such call is running (it already answered).
   */
  'app.cancelCall': channel<{ cancelled: boolean }>()(z.object({ callId: callIdSchema }).strict()),
}
