// The data services with their data.* and downloads.* handlers, built the way main/core.ts (the
// composition root) builds them, so a test drives the services as the renderer does.
import { createDataServices, type DataServices, type DataServicesDeps } from '../../../main/data'
import { createDataHandlers } from '../../../main/ipc/handlers/data'
import { createDownloadHandlers } from '../../../main/ipc/handlers/downloads'
import type { HandlersFor } from '../../../main/ipc/types'
import { systemClock } from '../../../main/ports'

export type DataWithHandlers = DataServices & { handlers: HandlersFor<'data'> & HandlersFor<'downloads'> }

export function createDataWithHandlers(deps: DataServicesDeps): DataWithHandlers {
  const services = createDataServices(deps)
  const { jobs, datasets, users, downloads, detail, pathValues, keptDatasetDays } = services
  const handlers = {
    ...createDataHandlers({ jobs, datasets, users, pathValues, detail, zoom: deps.zoom, dialogs: deps.dialogs, events: deps.events, clock: deps.clock ?? systemClock, keptDatasetDays }),
    ...createDownloadHandlers(downloads),
  }
  return { ...services, handlers }
}
