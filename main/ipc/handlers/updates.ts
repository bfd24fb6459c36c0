import type { UpdateService } from '../../updates/update-service'
import type { HandlersFor } from '../types'

export function createUpdatesHandlers(updates: UpdateService): HandlersFor<'updates'> {
  return {
    'updates.state': () => updates.snapshot(),
    'updates.check': () => updates.check(),
    'updates.download': () => updates.download(),
    'updates.install': () => updates.install(),
  }
}
