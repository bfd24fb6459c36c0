// settings.chooseDownloadFolder: the only way the download folder changes. Main shows its own
// folder picker and stores what the person picked, so the renderer never supplies a path
// (settings.update does not accept downloadFolder). Kept apart from settings.ts so it can be
// spread into the handlers next to createSettingsHandlers.
import type { Settings } from '../../../common/contract/settings'
import { assertSafeFolder } from '../../downloads/safe-folder'
import type { DialogPort } from '../../ports'
import type { HandlersFor } from '../types'

export interface DownloadFolderDeps {
  dialogs: DialogPort
  /** SettingsService satisfies this; `update` is main-side and may set downloadFolder. */
  settings: { get(): Settings; update(patch: Partial<Settings>): Promise<Settings> }
}

export function createDownloadFolderHandler(deps: DownloadFolderDeps): Pick<HandlersFor<'settings'>, 'settings.chooseDownloadFolder'> {
  return {
    'settings.chooseDownloadFolder': async () => {
      const folder = await deps.dialogs.chooseFolder({ title: 'Save recordings to' })
      if (!folder) return deps.settings.get()
      assertSafeFolder(folder)
      return deps.settings.update({ downloadFolder: folder })
    },
  }
}
