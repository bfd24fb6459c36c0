// profiles.json: the connection profiles (no secret ever) and the app settings.
import { z } from 'zod'
import { settingsSchema } from '../../common/contract/settings'
import { escapeLayoutCharacters } from '../../common/display-text'
import { profileFieldsSchema, scopeSchemaUpTo } from '../../common/profile'
import { openDocument, type DocumentFile, type DocumentProblem } from '../store'
import { repairStoredSettings } from './settings-repair'

export const storedProfileSchema = profileFieldsSchema.extend({
  // Names saved before line breaks and bidi marks were refused keep loading, shown escaped
  // (a profile is not lost over its name); the editor asks for a clean one on the next save.
  name: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .transform((name) => escapeLayoutCharacters(name).slice(0, 100)),
  // Profiles saved under the earlier, looser limits keep loading; the editor asks for values within
  // the current ones on the next save.
  scopes: z.array(scopeSchemaUpTo(200)).max(500).default([]),
  notes: z.string().max(5000).default(''),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const profilesDocumentSchema = z.object({
  profiles: z.array(storedProfileSchema),
  settings: settingsSchema.default(() => settingsSchema.parse({})),
})
export type ProfilesDocument = z.infer<typeof profilesDocumentSchema>

export const PROFILES_FILE = 'profiles.json'
/** profiles.json is rewritten whole on every change and read at every start: it stays below this. */
export const MAX_PROFILES_BYTES = 5_000_000

export async function openProfilesDocument(dir: string, onProblem?: (problem: DocumentProblem) => void): Promise<DocumentFile<ProfilesDocument>> {
  const version = 1
  const repaired = await repairStoredSettings({ dir, name: PROFILES_FILE, version, maxBytes: MAX_PROFILES_BYTES, isValidData: (data) => profilesDocumentSchema.safeParse(data).success })
  const document = await openDocument({
    dir,
    name: PROFILES_FILE,
    schema: profilesDocumentSchema,
    defaults: () => ({ profiles: [], settings: settingsSchema.parse({}) }),
    version,
    maxBytes: MAX_PROFILES_BYTES,
    ...(onProblem ? { onProblem } : {}),
  })
  if (repaired) onProblem?.(repaired)
  return document
}
