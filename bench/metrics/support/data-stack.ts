// The product's data side as core.ts wires it: token manager → createZoomClients →
// createDataServices (which calls the clients directly), against a sandbox, with do-nothing dialogs, shell and
// events. `crawl` starts a job exactly as the data.crawl channel does and resolves when it ends.
import type { CrawlInput, JobProgress } from '../../../common/contract/data'
import type { Profile } from '../../../common/profile'
import { createDataServices, type DataServices } from '../../../main/data'
import type { Dataset, DatasetResource } from '../../../main/data/datasets/dataset'
import { memoryLogSink } from '../../../main/log/logger'
import { readyForCrawls } from '../../../main/data/ready-for-crawls'
import { createZoomClients, type PaginateRequest, type ZoomClients, type ZoomClientsOptions } from '../../../main/zoom'
import type { SandboxProcess } from './sandbox-process'
import { connectedTokenStack, type TokenStack } from './token-stack'

export interface DataStack {
  stack: TokenStack
  /** The clients the crawls use (page size overridden when asked). */
  clients: ZoomClients
  data: DataServices
  crawl(resource: CrawlInput['resource'], params: Record<string, string | number | boolean>, users?: CrawlInput['users']): Promise<{ progress: JobProgress; dataset: Dataset<DatasetResource> }>
  close(): Promise<void>
}

export interface DataStackOptions {
  ratePlan?: Profile['ratePlan']
  crawlConcurrency?: number
  limiter?: ZoomClientsOptions['limiter']
  /**
   * Overrides the page size the crawls ask for (the catalog's maximum otherwise), to measure
   * the same path at the page count a budget assumed. Everything else is untouched.
   */
  pageSize?: number
}

/** The clients with `paginate` asking for `pageSize` rows. */
function withPageSize(clients: ZoomClients, pageSize: number): ZoomClients {
  return {
    ...clients,
    forProfile(profileId) {
      const client = clients.forProfile(profileId)
      return new Proxy(client, {
        get(target, key, receiver) {
          if (key === 'paginate') return (request: PaginateRequest) => target.paginate({ ...request, pageSize })
          const value: unknown = Reflect.get(target, key, receiver)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    },
  }
}

export async function dataStack(sandbox: Pick<SandboxProcess, 'url' | 'apps'>, options: DataStackOptions = {}): Promise<DataStack> {
  const stack = await connectedTokenStack(sandbox.url, sandbox.apps.s2s, options.ratePlan ?? 'business')
  const created = createZoomClients({ tokens: stack.tokens, profiles: stack.profiles, ...(options.limiter ? { limiter: options.limiter } : {}) })
  const clients = options.pageSize === undefined ? created : withPageSize(created, options.pageSize)
  const data = createDataServices({
    zoom: clients,
    dialogs: { chooseSaveFile: async () => undefined, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false },
    shell: { openPath: async () => undefined, openExternal: async () => undefined },
    events: { emit: () => undefined },
    settings: () => ({ downloadConcurrency: 1, downloadFolder: '' }),
    log: memoryLogSink(),
    ...(options.crawlConcurrency !== undefined ? { options: { crawlConcurrency: options.crawlConcurrency } } : {}),
  })
  // As the app does once its window has loaded, before a person can start a crawl.
  await readyForCrawls(data.datasets)
  return {
    stack,
    clients,
    data,
    async crawl(resource, params, users) {
      const started = await data.jobs.crawl({ profileId: stack.profile.id, resource, params, ...(users !== undefined ? { users } : {}) })
      const job = data.jobs.get(started.jobId)
      await job.start()
      return { progress: job.snapshot(), dataset: job.dataset }
    },
    async close() {
      await data.shutdown()
      await stack.close()
    },
  }
}
