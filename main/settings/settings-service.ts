// settings.get / settings.update, stored beside the profiles in profiles.json.
import { settingsSchema, type Settings } from '../../common/contract/settings'
import type { DocumentFile } from '../store'
import type { ProfilesDocument } from '../profiles/profiles-document'

export interface SettingsService {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
}

export function createSettingsService(document: DocumentFile<ProfilesDocument>): SettingsService {
  return {
    get: () => document.read().settings,
    async update(patch) {
      const next = await document.update((doc) => ({ ...doc, settings: settingsSchema.parse({ ...doc.settings, ...patch }) }))
      return next.settings
    },
  }
}
