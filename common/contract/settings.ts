import { z } from 'zod'
import { channel, noInput } from './define'

// The fields without defaults: a patch must leave unnamed settings alone (with defaults inside
// `.partial()`, zod would fill every missing key and reset it).
const fields = {
  theme: z.enum(['system', 'light', 'dark']),
  /** Seconds after which a copied token is wiped from the clipboard; 0 = never. */
  clipboardClearSeconds: z.number().int().min(0).max(3600),
  /** Keep the Zoom sign-in of the connect window between connects (per-profile session). */
  rememberZoomSignIn: z.boolean(),
  /** How long before expiry a token is refreshed. */
  refreshSkewSeconds: z.number().int().min(30).max(1800),
  /** How many recording downloads run at once. */
  downloadConcurrency: z.number().int().min(1).max(8),
  /**
   * Where recordings go; '' = ask at each download. Set only by main's folder picker
   * (settings.chooseDownloadFolder), never by a patch: a path from the renderer could point at a
   * network share or an application.
   */
  downloadFolder: z.string().max(4096),
  /** Ask the release feed for a newer version when the app starts (packaged builds only). */
  checkForUpdatesAtStart: z.boolean(),
}

export const settingsSchema = z
  .object({
    theme: fields.theme.default('system'),
    clipboardClearSeconds: fields.clipboardClearSeconds.default(30),
    rememberZoomSignIn: fields.rememberZoomSignIn.default(true),
    refreshSkewSeconds: fields.refreshSkewSeconds.default(300),
    downloadConcurrency: fields.downloadConcurrency.default(3),
    downloadFolder: fields.downloadFolder.default(''),
    checkForUpdatesAtStart: fields.checkForUpdatesAtStart.default(true),
  })
  .strict()

export const settingsPatchSchema = z.object(fields).omit({ downloadFolder: true }).partial().strict()

export type Settings = z.infer<typeof settingsSchema>
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const settingsChannels = {
  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(settingsPatchSchema),
  /** Main shows its folder picker and stores the choice as downloadFolder; cancelled: unchanged. */
  'settings.chooseDownloadFolder': channel<Settings>()(noInput),
}
