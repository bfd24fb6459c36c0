import { z } from 'zod'
import { channel, noInput } from './define'

export const settingsSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark']).default('system'),
    /** Seconds after which a copied token is wiped from the clipboard; 0 = never. */
    clipboardClearSeconds: z.number().int().min(0).max(3600).default(30),
    /** Keep the Zoom sign-in of the connect window between connects (per-profile session). */
    rememberZoomSignIn: z.boolean().default(true),
    /** How long before expiry a token is refreshed. */
    refreshSkewSeconds: z.number().int().min(30).max(1800).default(300),
    /** How many recording downloads run at once. */
    downloadConcurrency: z.number().int().min(1).max(8).default(3),
    /** Where recordings go unless the person picks a folder. */
    downloadFolder: z.string().max(4096).default(''),
  })
  .strict()

export type Settings = z.infer<typeof settingsSchema>

export const settingsChannels = {
  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(settingsSchema.partial().strict()),
}
