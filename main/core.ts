// Everything main does, minus Electron (DESIGN.md "main/core.ts"): built from ports, used by
// main/index.ts with Electron adapters and by the tests and end-to-end harness with fakes.
import type { StoreProblem } from '../common/contract'
import { CHANNEL_NAMES } from '../common/contract/names'
import { AppError } from '../common/errors'
import { createCredentials, type Credentials } from './auth/credentials'
import { createAppHandlers } from './ipc/handlers/app'
import { createVaultHandlers } from './ipc/handlers/vault'
import { createRouter, type Router } from './ipc/router'
import type { Handler, Handlers } from './ipc/types'
import { createLogger } from './log/logger'
import type { CoreAdapters } from './ports'
import { openVault } from './vault/vault'

export interface CoreOptions {
  /** Origins the renderer is served from; calls from anywhere else are refused. */
  trustedOrigins: readonly string[]
}

export interface Core {
  router: Router
  credentials: Credentials
  dispose(): Promise<void>
}

export async function createCore(adapters: CoreAdapters, options: CoreOptions): Promise<Core> {
  const problems: StoreProblem[] = []
  const reportProblem = (problem: StoreProblem) => {
    problems.push(problem)
    adapters.events.emit('app.problem', problem)
  }

  const vault = await openVault({ dir: adapters.dataDir, safeStorage: adapters.safeStorage, platform: adapters.app.platform, onProblem: reportProblem })
  const credentials = await createCredentials({ adapters, vault, onProblem: reportProblem })

  const notWired = (channel: string): Handler<never> => () => {
    throw new AppError('INTERNAL', `${channel} is not available in this build yet.`)
  }
  const handlers = {
    ...Object.fromEntries(CHANNEL_NAMES.map((c) => [c, notWired(c)])),
    ...createAppHandlers({
      app: adapters.app,
      shell: adapters.shell,
      vaultStatus: () => vault.status(),
      problems: () => [...problems],
      dismissProblem: (movedTo) => {
        const index = problems.findIndex((p) => p.movedTo === movedTo)
        if (index >= 0) problems.splice(index, 1)
      },
    }),
    ...createVaultHandlers(vault, adapters.events, () => credentials.vaultChanged()),
    ...credentials.handlers,
  } as Handlers

  const router = createRouter({ handlers, trustedOrigins: options.trustedOrigins, log: createLogger(adapters.log, 'ipc') })
  return {
    router,
    credentials,
    async dispose() {
      await credentials.dispose()
      vault.lock()
    },
  }
}
