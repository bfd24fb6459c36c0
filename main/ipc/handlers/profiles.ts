import type { ProfileService } from '../../profiles/profile-service'
import type { HandlersFor } from '../types'

/** profiles.* channels. Inputs arrive parsed by the router; the service validates drafts fully. */
export function createProfileHandlers(profiles: ProfileService): HandlersFor<'profiles'> {
  return {
    'profiles.list': () => profiles.list(),
    'profiles.get': ({ id }) => profiles.view(id),
    'profiles.create': (draft) => profiles.create(draft),
    'profiles.update': ({ id, draft, replaceSecretNow }) => profiles.update(id, draft, replaceSecretNow !== undefined ? { replaceSecretNow } : {}),
    'profiles.duplicate': ({ id, name }) => profiles.duplicate(id, name),
    'profiles.delete': ({ id }) => profiles.delete(id),
    'profiles.exportJson': ({ ids }) => profiles.exportJson(ids),
    'profiles.exportFile': ({ ids }) => profiles.exportFile(ids),
    'profiles.importJson': ({ json }) => profiles.importJson(json),
    'profiles.importFile': () => profiles.importFile(),
  }
}
