// The dataset files as the app wires them (createCore): in the data folder's datasets/, emptied of
// what a previous run left open at start-up, and gone with their connection when it is deleted
// through the profiles.delete channel — its open lists and the ones the person kept alike.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'
import { syntheticUsers, usersResource } from './fixtures'

const DAY = 24 * 60 * 60 * 1000
const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

let dataDir: string | undefined
let core: Core | undefined

afterEach(async () => {
  await core?.dispose()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  core = dataDir = undefined
})

describe('datasets in the app’s data folder', () => {
  it('deletes at start-up what was left open, and a deleted connection’s open and kept lists', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-core-datasets-'))
    const openDir = join(dataDir, 'datasets', 'open')
    const keptDir = join(dataDir, 'datasets', 'kept')
    await mkdir(openDir, { recursive: true })
    await writeFile(join(openDir, 'left-by-a-crash.sqlite'), 'rows of a run that ended without closing')
    const { adapters } = createFakeAdapters({ dataDir })
    core = await createCore(adapters, { trustedOrigins: [ORIGIN] })
    // The clean-up core starts by itself; start() hands back that same run.
    await core.data.datasets.start()
    expect(await readdir(openDir)).toEqual([])

    expect(await core.router.invoke('vault.setup', sender, { protector: 'os-keychain' })).toMatchObject({ ok: true })
    const profile = await core.credentials.profiles.create({ fields: { name: 'Acme', grant: 's2s', accountId: 'acct123', clientId: 'client123' }, clientSecret: 'not-a-real-secret' })
    const other = await core.credentials.profiles.create({ fields: { name: 'Other', grant: 's2s', accountId: 'acct456', clientId: 'client456' }, clientSecret: 'not-a-real-secret' })
    const kept = core.data.datasets.create(profile.id, usersResource, Date.now())
    const open = core.data.datasets.create(profile.id, usersResource, Date.now())
    const others = core.data.datasets.create(other.id, usersResource, Date.now())
    for (const dataset of [kept, open, others]) await dataset.add(syntheticUsers(20))
    await core.data.datasets.keep(kept.id, Date.now())
    // The lists' own files: a rollback journal is beside one only while a write is under way (the
    // rows' search text and columns are filled in behind the crawl), which the test does not wait for.
    const listFiles = async (dir: string) => (await readdir(dir)).filter((name) => !name.endsWith('-journal')).sort()
    expect(await listFiles(keptDir)).toEqual([`${kept.id}.sqlite`])
    expect(await listFiles(openDir)).toEqual([`${open.id}.sqlite`, `${others.id}.sqlite`].sort())

    const reply = await core.router.invoke('profiles.delete', sender, { id: profile.id })
    expect(reply).toMatchObject({ ok: true })
    // Nothing of the deleted connection's lists, journals included; the other connection's list may be mid-write.
    expect(await readdir(keptDir)).toEqual([])
    expect((await readdir(openDir)).filter((name) => name !== `${others.id}.sqlite-journal`)).toEqual([`${others.id}.sqlite`])
    expect(core.data.datasets.has(open.id)).toBe(false)
    expect(core.data.datasets.has(others.id)).toBe(true)
  })

  it('expires kept lists by the Settings value through data.kept, and data.clearKept removes the rest', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-core-datasets-'))
    const keptDir = join(dataDir, 'datasets', 'kept')
    const { adapters, fakes } = createFakeAdapters({ dataDir })
    core = await createCore(adapters, { trustedOrigins: [ORIGIN] })
    const invoke = async (name: Parameters<Core['router']['invoke']>[0], input: unknown) => {
      const reply = await core!.router.invoke(name, sender, input)
      if (!reply.ok) throw new Error(reply.error.message)
      return reply.value
    }
    // The app's clock: expiry counts from a list's crawl to now.
    const now = fakes.time.now()
    const old = core.data.datasets.create('p1', usersResource, now - 5 * DAY)
    const recent = core.data.datasets.create('p1', usersResource, now - DAY)
    for (const dataset of [old, recent]) {
      await dataset.add(syntheticUsers(5))
      await invoke('data.keep', { datasetId: dataset.id })
      // Closed, as loading the tab again does: a kept list open in the grid waits for its close to expire.
      await invoke('data.closeDataset', { datasetId: dataset.id })
    }
    expect(((await invoke('data.kept', {})) as { datasetId: string }[]).map((k) => k.datasetId).sort()).toEqual([old.id, recent.id].sort())

    await invoke('settings.update', { keptDatasetDays: 3 })
    expect(((await invoke('data.kept', {})) as { datasetId: string }[]).map((k) => k.datasetId)).toEqual([recent.id])
    expect(await readdir(keptDir)).toEqual([`${recent.id}.sqlite`])

    expect(await invoke('data.clearKept', undefined)).toEqual({ removed: 1 })
    expect(await readdir(keptDir)).toEqual([])
    expect(await invoke('data.kept', {})).toEqual([])
  })
})
