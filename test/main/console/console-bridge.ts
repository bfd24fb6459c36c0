// The console's two bridge calls as the page makes them, for upload tests: `send` goes through
// the channel's own schema and handler; `pick` answers main's open dialog with `path` and returns
// what the page is given for it (a token, the name and the size).
import { consoleRequestSchema, type ConsoleRequest } from '../../../common/contract/console'
import type { ConsoleService } from '../../../main/console'
import { createConsoleHandlers } from '../../../main/ipc/handlers/console'
import type { FakeDialogs } from '../../fakes/simple-ports'

export function consoleBridge(service: ConsoleService, dialogs: FakeDialogs) {
  const handlers = createConsoleHandlers(service)
  const send = (request: Omit<ConsoleRequest, 'profileId'>) => handlers['console.send'](consoleRequestSchema.parse({ profileId: 'p1', ...request }), {})
  const pick = async (path: string) => {
    dialogs.openAnswers.push(path)
    const chosen = await handlers['console.pickFile']({}, {})
    if (!chosen) throw new Error('no file chosen')
    return chosen
  }
  return { send, pick }
}
