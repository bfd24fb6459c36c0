import { z } from 'zod'
import { CSV_SEPARATORS } from '../csv-separator'
import { channel, noInput } from './define'

/**
 * A copied access token is always wiped from the clipboard: after at least a few seconds (time
 * to paste it) and at most five minutes (any app can read the clipboard meanwhile).
 */
export const CLIPBOARD_CLEAR_SECONDS = { min: 5, max: 300, default: 30 } as const

/** A kept dataset is Zoom user data on disk: it goes after at most a year, by default after a month. */
export const KEPT_DATASET_DAYS = { min: 1, max: 365, default: 30 } as const

/**
 * A recording download that receives no byte for this long is treated as stalled: the attempt is
 * dropped and resumed from where it stopped. A few seconds at least (a busy link pauses), at most
 * ten minutes (a stuck transfer should not hold a download slot for longer).
 */
export const DOWNLOAD_STALL_SECONDS = { min: 5, max: 600, default: 60 } as const

// The fields without defaults: a patch must leave unnamed settings alone (with defaults inside
// `.partial()`, zod would fill every missing key and reset it). Main also checks a stored file's
// settings one by one against them, so one bad value resets only itself.
export const settingFields = {
  theme: z.enum(['system', 'light', 'dark']),
  /** Seconds after which a copied token is wiped from the clipboard. */
  clipboardClearSeconds: z.number().int().min(CLIPBOARD_CLEAR_SECONDS.min).max(CLIPBOARD_CLEAR_SECONDS.max),
  /** Keep the Zoom sign-in of the connect window between connects (per-profile session). */
  rememberZoomSignIn: z.boolean(),
  /** How long before expiry a token is refreshed. */
  refreshSkewSeconds: z.number().int().min(30).max(1800),
  /** How many recording downloads run at once. */
  downloadConcurrency: z.number().int().min(1).max(8),
  /** Seconds without a byte after which a recording download is treated as stalled and resumed. */
  downloadStallSeconds: z.number().int().min(DOWNLOAD_STALL_SECONDS.min).max(DOWNLOAD_STALL_SECONDS.max),
  /**
   * Where recordings go; '' = ask at each download. Set only by main's folder picker
   * (settings.chooseDownloadFolder), never by a patch: a path from the renderer could point at a
   * network share or an application.
   */
  downloadFolder: z.string().max(4096),
  /** Ask the release feed for a newer version when the app starts (packaged builds only). */
  checkForUpdatesAtStart: z.boolean(),
  /** Days after its crawl that a kept dataset is deleted. */
  keptDatasetDays: z.number().int().min(KEPT_DATASET_DAYS.min).max(KEPT_DATASET_DAYS.max),
  /** The column separator last chosen for a CSV export; absent: a comma. */
  csvSeparator: z.enum(CSV_SEPARATORS),
  /** The column separator last chosen for CSV for Excel; absent: the list separator of the machine's regional format. */
  excelCsvSeparator: z.enum(CSV_SEPARATORS),
}

export const settingsSchema = z
  .object({
    theme: settingFields.theme.default('system'),
    // Older versions allowed 0 (never) and up to an hour: a stored value out of range falls back
    // to the default instead of making profiles.json unreadable.
    clipboardClearSeconds: settingFields.clipboardClearSeconds.catch(CLIPBOARD_CLEAR_SECONDS.default),
    rememberZoomSignIn: settingFields.rememberZoomSignIn.default(true),
    refreshSkewSeconds: settingFields.refreshSkewSeconds.default(300),
    downloadConcurrency: settingFields.downloadConcurrency.default(3),
    // A stored value out of range (a hand-edited file) falls back to the default, like the clipboard delay.
    downloadStallSeconds: settingFields.downloadStallSeconds.catch(DOWNLOAD_STALL_SECONDS.default),
    downloadFolder: settingFields.downloadFolder.default(''),
    checkForUpdatesAtStart: settingFields.checkForUpdatesAtStart.default(true),
    keptDatasetDays: settingFields.keptDatasetDays.catch(KEPT_DATASET_DAYS.default),
    // Absent until the person exports once: the default is worked out when the dialog opens, so a
    // machine whose region changes gets the new one. A value hand-edited into nonsense is forgotten.
    csvSeparator: settingFields.csvSeparator.optional().catch(undefined),
    excelCsvSeparator: settingFields.excelCsvSeparator.optional().catch(undefined),
  })
  .strict()

export const settingsPatchSchema = z.object(settingFields).omit({ downloadFolder: true }).partial().strict()

export type Settings = z.infer<typeof settingsSchema>
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const settingsChannels = {
  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(settingsPatchSchema),
  /** Main shows its folder picker and stores the choice as downloadFolder; cancelled: unchanged. */
  'settings.chooseDownloadFolder': channel<Settings>()(noInput),
}
