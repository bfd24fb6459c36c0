// Runs the Zoom sandbox in its own process, so the server's work never shares an event loop with
// the client being measured (a real Zoom is on another machine). Started by sandbox-process.ts
// with the SandboxOptions as JSON in argv[2]; answers once over IPC with what the parent needs,
// then serves until the parent disconnects. Controls (stats, plan, latency) go over /__admin/*.
import { startSandbox, type SandboxOptions } from '../../../test/sandbox'
import { yieldCoresToOthers } from './lowest-priority'

const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions
const priority = yieldCoresToOthers()
const sandbox = await startSandbox(options)
process.send?.({ url: sandbox.url, apps: sandbox.apps, accountId: sandbox.accountId, priority })
process.on('disconnect', () => {
  void sandbox.close().then(() => process.exit(0))
})
