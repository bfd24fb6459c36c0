import type { SettingsService } from '../../settings/settings-service'
import type { HandlersFor } from '../types'

/** settings.* channels. */
export function createSettingsHandlers(settings: SettingsService): Omit<HandlersFor<'settings'>, 'settings.chooseDownloadFolder'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  }
}
