// electron-updater's own logic (its NSIS updater, generic provider, latest.yml parsing, version
// comparison and SHA-512 check) behind our adapter and update service, against a release feed
// served on 127.0.0.1. Two things are swapped for Node's, which electron-updater allows:
// - the app (AppUpdater takes an AppAdapter: version, paths, quit/relaunch hooks);
// - the HTTP client: Electron's net.request is documented to mirror Node's http.request
//   (ClientRequest with a 'response' event), so the executor below makes that one call with Node.
// Nothing here launches or installs anything: quitAndInstall is never called.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type ClientRequest, type RequestOptions } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NsisUpdater, type AppUpdater } from 'electron-updater'
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { createElectronUpdater } from '../../../main/platform/updater'
import { UpdateService } from '../../../main/updates/update-service'

class NodeHttpExecutor extends ElectronHttpExecutor {
  constructor() {
    super(undefined)
  }
  override createRequest(options: RequestOptions, callback: (response: unknown) => void): Electron.ClientRequest {
    // Node's ClientRequest in place of net's, which its documentation says mirrors it (see the header).
    const nodeRequest: ClientRequest = request({ ...options, headers: options.headers ?? {} }, callback)
    return nodeRequest as unknown as Electron.ClientRequest
  }
}

const installer = Buffer.from('not really an installer, but bytes with a checksum')
const sha512 = createHash('sha512').update(installer).digest('base64')

describe('electron-updater against a local generic feed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-feed-'))
  let feedVersion = '0.2.0'
  let feedSha = sha512
  const requested: string[] = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    requested.push(path)
    if (/^\/latest.*\.yml$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/yaml' })
      res.end(
        [
          `version: ${feedVersion}`,
          'files:',
          `  - url: zoom-connect-${feedVersion}-win-x64.exe`,
          `    sha512: ${feedSha}`,
          `    size: ${installer.length}`,
          `path: zoom-connect-${feedVersion}-win-x64.exe`,
          `sha512: ${feedSha}`,
          "releaseDate: '2026-12-01T10:00:00.000Z'",
          "releaseNotes: '<p>Faster crawls</p><ul><li>Fix &amp; polish</li></ul>'",
          '',
        ].join('\n'),
      )
    } else if (path === `/zoom-connect-${feedVersion}-win-x64.exe`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': installer.length })
      res.end(installer)
    } else {
      res.writeHead(404).end()
    }
  })

  beforeAll(async () => {
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
    const { port } = server.address() as AddressInfo
    // What electron-builder writes into a packaged app as resources/app-update.yml.
    writeFileSync(join(dir, 'app-update.yml'), `provider: generic\nurl: http://127.0.0.1:${port}/\nupdaterCacheDirName: zoom-connect-updater\n`)
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise<void>((closed) => server.close(() => closed()))
    rmSync(dir, { recursive: true, force: true })
  })

  function build() {
    const app = {
      version: '0.1.0',
      name: 'Zoom Connect',
      isPackaged: true,
      appUpdateConfigPath: join(dir, 'app-update.yml'),
      userDataPath: join(dir, 'user-data'),
      baseCachePath: join(dir, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => {
        throw new Error('not emulated: relaunch')
      },
      quit: () => {
        throw new Error('not emulated: quit')
      },
      onQuit: () => {},
    }
    const updater = new NsisUpdater(null, app)
    ;(updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeHttpExecutor()
    const logs = memoryLogSink()
    const port = createElectronUpdater(() => updater as AppUpdater, { isPackaged: true, platform: 'win32', resourcesPath: dir, env: {}, log: createLogger(logs, 'updater') })
    const updates = new UpdateService({ updater: port, currentVersion: '0.1.0', events: { emit: () => {} }, clock: { now: () => Date.now() }, log: createLogger(logs, 'updates') })
    return { updates, logs }
  }

  it('finds the newer version in latest.yml with its notes as text, and downloads it verified', { timeout: 60_000 }, async () => {
    feedVersion = '0.2.0'
    feedSha = sha512
    const { updates } = build()
    expect((await updates.check()).state).toEqual({ status: 'available', version: '0.2.0', releaseNotes: 'Faster crawls\n• Fix & polish', releaseDate: '2026-12-01T10:00:00.000Z' })
    expect(requested.some((url) => /^\/latest.*\.yml$/.test(url))).toBe(true)
    const done = await updates.download()
    expect(done.state).toMatchObject({ status: 'downloaded', version: '0.2.0' })
    expect(requested).toContain('/zoom-connect-0.2.0-win-x64.exe')
  })

  it('refuses a download whose SHA-512 differs from latest.yml', { timeout: 60_000 }, async () => {
    feedVersion = '0.3.0'
    feedSha = createHash('sha512').update('something else').digest('base64')
    const { updates } = build()
    expect((await updates.check()).state).toMatchObject({ status: 'available', version: '0.3.0' })
    const failed = await updates.download()
    expect(failed.state.status).toBe('error')
    expect(failed.state.status === 'error' && failed.state.message).toMatch(/sha512/i)
  })

  it('says the app is up to date when the feed has this version', async () => {
    feedVersion = '0.1.0'
    const { updates } = build()
    expect((await updates.check()).state.status).toBe('not-available')
  })
})
