// Data services on a data folder, with handlers, against the sandbox: what the red-team tests of
// kept lists drive as the renderer does. `hang` makes every listing wait until its crawl is cancelled.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HandlerContext } from '../../../main/ipc/types'
import { memoryLogSink } from '../../../main/log/logger'
import type { DialogPort } from '../../../main/ports'
import type { Sandbox } from '../../sandbox'
import { createDataWithHandlers, type DataWithHandlers } from './data-with-handlers'
import { sandboxZoom, spyZoom } from './sandbox-zoom'

export const ctx: HandlerContext = {}
const dialogs: DialogPort = { chooseSaveFile: async () => undefined, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false }

export const dataFolder = () => mkdtemp(join(tmpdir(), 'zc-kept-'))

export function keptServices(sandbox: Sandbox, dir: string, options: { hang?: () => boolean } = {}): DataWithHandlers {
  const zoom = spyZoom(sandboxZoom(sandbox), (request, pages) => {
    if (!options.hang?.()) return pages
    return (async function* () {
      await new Promise((_, reject) => request.signal?.addEventListener('abort', () => reject(request.signal?.reason)))
      yield* pages
    })()
  })
  return createDataWithHandlers({
    zoom,
    dialogs,
    shell: { openPath: async () => undefined, openExternal: async () => undefined },
    events: { emit: () => undefined },
    settings: async () => ({ downloadConcurrency: 1, downloadFolder: dir }),
    log: memoryLogSink(),
    dataDir: dir,
    options: { progressIntervalMs: 0 },
  })
}

/** Crawls the active users through data.crawl and waits for the crawl's end. */
export async function crawledUsers(services: DataWithHandlers): Promise<{ datasetId: string; jobId: string }> {
  const first = await services.handlers['data.crawl']({ profileId: 'p1', resource: 'users', params: { status: 'active' } }, ctx)
  await services.jobs.get(first.jobId).start()
  return { datasetId: first.datasetId, jobId: first.jobId }
}

export const keptPath = (dir: string, id: string) => join(dir, 'datasets', 'kept', `${id}.sqlite`)
