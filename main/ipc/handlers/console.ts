import type { ConsoleService } from '../../console/console-service'
import type { HandlersFor } from '../types'

/** console.* channels. Inputs arrive parsed by the router; the service validates headers and the JSON body. */
export function createConsoleHandlers(console: ConsoleService): HandlersFor<'console'> {
  return {
    'console.send': (request, context) => console.send(request, context.signal),
    'console.history': ({ profileId }) => console.history(profileId),
    'console.clearHistory': ({ profileId }) => console.clearHistory(profileId),
    'console.checkBody': ({ method, url, body }) => console.checkBody(method, url, body),
    'console.pickFile': () => console.pickFile(),
    'console.saveAnswer': ({ answerToken }) => console.saveAnswer(answerToken),
  }
}
