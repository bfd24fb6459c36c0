import type { AppInfo, StoreProblem, VaultStatus } from '../../../common/contract'
import { AppError } from '../../../common/errors'
import type { AppIdentity, ShellPort } from '../../ports'
import { isSafeExternalUrl } from '../../external-url'
import type { HandlersFor } from '../types'

export interface AppHandlerDeps {
  app: AppIdentity
  shell: ShellPort
  vaultStatus(): VaultStatus
  problems(): StoreProblem[]
  dismissProblem(movedTo: string): void
}

export function createAppHandlers(deps: AppHandlerDeps): HandlersFor<'app'> {
  return {
    'app.info': (): AppInfo => ({ ...deps.app, vault: deps.vaultStatus() }),
    'app.problems': () => deps.problems(),
    'app.dismissProblem': ({ movedTo }) => {
      deps.dismissProblem(movedTo)
      return deps.problems()
    },
    'app.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('VALIDATION', 'Only https links can be opened.')
      await deps.shell.openExternal(url)
    },
  }
}
