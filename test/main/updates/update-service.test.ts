// Settings → Updates in main: the update service driven through the updater port (a fake that
// behaves as electron-updater documents), and its wiring into the core and its IPC channels.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { UpdatesSnapshot } from '../../../common/contract/updates'
import { createCore, type Core } from '../../../main/core'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { UpdateService } from '../../../main/updates/update-service'
import { createFakeAdapters } from '../../fakes/adapters'
import { FakeUpdater } from '../../fakes/fake-updater'
import { caught } from '../../support/caught'

const NOTES = '<h2>Fixes</h2><ul><li>Refresh &amp; retry</li><li><script>alert(1)</script>Safer <b>exports</b></li></ul>'

function service(updater: FakeUpdater | undefined) {
  const changes: UpdatesSnapshot[] = []
  const logs = memoryLogSink()
  const updates = new UpdateService({ updater, currentVersion: '0.1.0', events: { emit: (_event, payload) => changes.push(payload) }, clock: { now: () => Date.parse('2026-12-05T12:00:00Z') }, log: createLogger(logs, 'updates') })
  return { updates, changes, logs }
}

describe('update service', () => {
  it('finds a newer version, downloads it with progress and installs it on request', async () => {
    const updater = new FakeUpdater({ version: '0.2.0', releaseNotes: NOTES, releaseDate: '2026-12-01T00:00:00Z' })
    const { updates, changes } = service(updater)
    expect(updates.snapshot()).toEqual({ currentVersion: '0.1.0', enabled: true, state: { status: 'idle' } })

    const found = await updates.check()
    expect(found.state).toEqual({ status: 'available', version: '0.2.0', releaseNotes: 'Fixes\n• Refresh & retry\n• Safer exports', releaseDate: '2026-12-01T00:00:00Z' })
    expect(changes.map((c) => c.state.status)).toEqual(['checking', 'checking', 'available'])

    const done = await updates.download()
    expect(done.state).toEqual({ status: 'downloaded', version: '0.2.0', releaseNotes: 'Fixes\n• Refresh & retry\n• Safer exports' })
    expect(changes.filter((c) => c.state.status === 'downloading').map((c) => (c.state.status === 'downloading' ? c.state.percent : -1))).toEqual([0, 25, 50, 100])
    expect(updater.installs).toBe(0)
    updates.install()
    expect(updater.installs).toBe(1)
  })

  it('says when the app is up to date', async () => {
    const { updates } = service(new FakeUpdater())
    expect((await updates.check()).state).toEqual({ status: 'not-available', checkedAt: '2026-12-05T12:00:00.000Z' })
  })

  it('runs one check at a time and never checks over a download', async () => {
    const updater = new FakeUpdater({ version: '0.2.0' })
    const { updates } = service(updater)
    await Promise.all([updates.check(), updates.check()])
    expect(updater.checks).toBe(1)
    updater.holdDownload = true
    const downloading = updates.download()
    await Promise.resolve()
    expect(updates.snapshot().state.status).toBe('downloading')
    await updates.check()
    expect(updater.checks).toBe(1)
    updater.finishDownload()
    await downloading
    expect(updates.snapshot().state.status).toBe('downloaded')
  })

  it('shows a failed check as an error with the first line only, and the next check can succeed', async () => {
    const updater = new FakeUpdater({ version: '0.2.0' })
    updater.checkError = `HttpError: 404 Not Found\n${'<html>'.repeat(1000)}`
    const { updates } = service(updater)
    expect((await updates.check()).state).toEqual({ status: 'error', message: 'HttpError: 404 Not Found' })
    expect((await updates.check()).state.status).toBe('available')
  })

  it('keeps the version found after a failed download, so Download can be tried again', async () => {
    const updater = new FakeUpdater({ version: '0.2.0' })
    updater.downloadError = 'sha512 checksum mismatch'
    const { updates } = service(updater)
    await updates.check()
    expect((await updates.download()).state).toEqual({ status: 'error', message: 'sha512 checksum mismatch' })
    expect((await updates.download()).state.status).toBe('downloaded')
  })

  it('refuses to download before an update was found, and to install before it was downloaded', async () => {
    const { updates } = service(new FakeUpdater({ version: '0.2.0' }))
    expect((await caught(updates.download())).code).toBe('CONFLICT')
    await updates.check()
    expect((await caught(Promise.resolve().then(() => updates.install()))).code).toBe('CONFLICT')
  })

  it('is disabled, with the reason, where the app cannot update itself', async () => {
    const updater = new FakeUpdater({ version: '0.2.0' })
    updater.unavailableReason = 'This copy runs from source (npm start), so it does not update itself.'
    const { updates } = service(updater)
    expect(updates.snapshot()).toMatchObject({ enabled: false, disabledReason: updater.unavailableReason })
    expect((await caught(updates.check())).code).toBe('UPDATES_UNAVAILABLE')
    updates.checkAtStart(true)
    expect(updater.checks).toBe(0)
    const none = service(undefined)
    expect(none.updates.snapshot()).toMatchObject({ enabled: false, disabledReason: expect.any(String) })
    expect((await caught(none.updates.download())).code).toBe('UPDATES_UNAVAILABLE')
  })

  it('checks at start only when the setting allows it', () => {
    const off = new FakeUpdater()
    service(off).updates.checkAtStart(false)
    expect(off.checks).toBe(0)
    const on = new FakeUpdater()
    service(on).updates.checkAtStart(true)
    expect(on.checks).toBe(1)
  })
})

describe('updates in the core', () => {
  let dataDir: string | undefined
  let core: Core | undefined
  afterEach(async () => {
    await core?.dispose()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
    core = dataDir = undefined
  })
  const sender = { frameUrl: 'app://zoom-connect/index.html', isMainFrame: true, isOurWindow: true }

  async function start(updater: FakeUpdater, settings?: { checkForUpdatesAtStart: boolean }) {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-updates-'))
    const first = createFakeAdapters({ dataDir })
    if (settings) {
      // A previous run saved the setting.
      const before = await createCore(first.adapters, { trustedOrigins: ['app://zoom-connect'] })
      await before.router.invoke('settings.update', sender, settings)
      await before.dispose()
    }
    const { adapters, fakes } = createFakeAdapters({ dataDir })
    core = await createCore({ ...adapters, updater }, { trustedOrigins: ['app://zoom-connect'] })
    return fakes
  }

  it('checks at start by default, and the channels and event carry the state', async () => {
    const updater = new FakeUpdater({ version: '0.2.0', releaseNotes: 'Faster crawls' })
    const fakes = await start(updater)
    expect(updater.checks).toBe(1)
    expect(await core!.router.invoke('settings.get', sender, undefined)).toMatchObject({ ok: true, value: { checkForUpdatesAtStart: true } })
    // The check at start runs on its own; wait for its answer unless it has arrived already.
    if (fakes.events.of('updates.changed').at(-1)?.state.status !== 'available') await fakes.events.next('updates.changed', (s) => s.state.status === 'available')
    expect(await core!.router.invoke('updates.state', sender, undefined)).toEqual({
      ok: true,
      value: { currentVersion: '0.0.0-test', enabled: true, state: { status: 'available', version: '0.2.0', releaseNotes: 'Faster crawls' } },
    })
    expect(await core!.router.invoke('updates.download', sender, undefined)).toMatchObject({ ok: true, value: { state: { status: 'downloaded' } } })
    expect(fakes.events.of('updates.changed').map((s) => s.state.status)).toContain('downloading')
    expect(await core!.router.invoke('updates.install', sender, undefined)).toEqual({ ok: true, value: undefined })
    expect(updater.installs).toBe(1)
  })

  it('does not check at start when the setting is off, and still checks on request', async () => {
    const updater = new FakeUpdater()
    await start(updater, { checkForUpdatesAtStart: false })
    expect(updater.checks).toBe(0)
    expect(await core!.router.invoke('updates.check', sender, undefined)).toMatchObject({ ok: true, value: { state: { status: 'not-available' } } })
  })

  it('without an updater port, says updates are unavailable instead of failing', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-updates-'))
    core = await createCore(createFakeAdapters({ dataDir }).adapters, { trustedOrigins: ['app://zoom-connect'] })
    expect(await core.router.invoke('updates.state', sender, undefined)).toMatchObject({ ok: true, value: { enabled: false } })
    expect(await core.router.invoke('updates.check', sender, undefined)).toMatchObject({ ok: false, error: { code: 'UPDATES_UNAVAILABLE' } })
  })
})
