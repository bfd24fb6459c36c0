import type { AppInfo, StoreProblem, VaultStatus } from '../../../common/contract'
import { AppError } from '../../../common/errors'
import type { AppIdentity, ClipboardPort, ShellPort } from '../../ports'
import { isSafeExternalUrl } from '../../external-url'
import type { HandlersFor } from '../types'

export interface AppHandlerDeps {
  app: AppIdentity
  shell: ShellPort
  clipboard: ClipboardPort
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
    // Main writes the clipboard for the page: Chromium would ask the permission handler (which
    // denies everything) before navigator.clipboard.writeText, and Electron deprecated renderer clipboard access.
    'app.copyText': ({ text }) => deps.clipboard.writeText(text),
    // Only the calling window's own calls can be named here: the transport scopes cancelCall to it.
    'app.cancelCall': ({ callId }, context) => ({ cancelled: context.cancelCall?.(callId) ?? false }),
  }
}
