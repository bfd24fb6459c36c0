// The request console (DESIGN.md "features/console"). For core.ts:
//   const history = await openConsoleHistory(adapters.dataDir, reportProblem)   // history.json
//   const console = new ConsoleService({ clients: zoomClients, history, clock, log })
//   ...createConsoleHandlers(console)                                          // main/ipc/handlers/console.ts
// See console-service.ts for the decisions (URLs, JSON bodies, Authorization, no retries).
export { ConsoleService, MAX_CONSOLE_IN_FLIGHT, MAX_RESPONSE_BODY, type ConsoleDeps } from './console-service'
export { openConsoleHistory, memoryConsoleHistory, HISTORY_FILE, HISTORY_LIMIT, type ConsoleHistory } from './history'
export { sanitizeForHistory, REDACTED } from './sanitize'
export { OperationSchemas, type OperationCatalog } from './operation-schemas'
export { ChosenFiles, MAX_UPLOAD_BYTES } from './chosen-files'
export { BinaryAnswers } from './binary-answers'
