// npm run demo: a local Zoom (the test sandbox) plus the app, with one profile per sandbox app,
// in a throw-away profile folder. Needs the Electron binary (a normal `npm install`).
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSandbox } from '../test/sandbox'
import { WEBHOOKS_AVAILABLE } from '../test/sandbox/ws/event-factory'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

function electronBinary(): string | undefined {
  try {
    // In plain Node, the electron package exports the path of its binary.
    return require('electron') as string
  } catch {
    return undefined
  }
}

const zoom = await startSandbox({ seed: 7, users: 250 })
console.log(`Zoom sandbox at ${zoom.url}`)
console.log(`Sign in on its consent page as ${zoom.login.email} / ${zoom.login.password}`)
// A Zoom event every 5 s on the sandbox's event socket, for the Server-to-Server profile's Events tab.
if (WEBHOOKS_AVAILABLE) zoom.events.schedule({ everyMs: 5_000 })

const binary = electronBinary()
if (!binary) {
  console.error('The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set?). Run `npm install` on a machine that can download it.')
  console.error(`The sandbox alone: npm run sandbox. Its apps: ${JSON.stringify(zoom.apps)}`)
  await zoom.close()
  process.exit(1)
}

const userData = mkdtempSync(join(tmpdir(), 'zoom-connect-demo-'))
console.log(`Demo profile folder: ${userData}`)
const child = spawn(binary, [root, `--user-data-dir=${userData}`], {
  stdio: 'inherit',
  env: { ...process.env, ZOOM_CONNECT_DEMO: JSON.stringify({ url: zoom.url, apps: zoom.apps, eventSubscriptionId: zoom.events.info().subscriptionId }) },
})
const stop = () => child.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
child.on('exit', (code) => {
  void zoom.close().then(() => process.exit(code ?? 0))
})
