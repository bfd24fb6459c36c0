// The kept-list days set through settings.update still decide, in the next start on the same data
// folder, which kept lists have expired: a list older than the saved days is gone, a younger one
// stays, where the default month would have kept both.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import { createFakeAdapters } from '../../fakes/adapters'
import { appPage } from '../../fakes/core-per-test'
import { ManualTime } from '../../fakes/manual-time'
import { syntheticUsers, usersResource } from './fixtures'

const DAY = 24 * 60 * 60 * 1000
const cores: Core[] = []
let dataDir: string | undefined

afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

async function invoke(core: Core, channel: string, input: unknown): Promise<unknown> {
  const reply = (await core.router.invoke(channel, appPage, input)) as { ok: boolean; value?: unknown; error?: { message: string } }
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`)
  return reply.value
}

it('a kept list older than the saved days is expired after a restart; a younger one stays', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'zc-kept-days-'))
  // One clock across both starts: the days count from a list's crawl to the second start's now.
  const time = new ManualTime()
  const start = async () => {
    const core = await createCore(createFakeAdapters({ dataDir: dataDir as string, time }).adapters, { trustedOrigins: ['app://zoom-connect'] })
    cores.push(core)
    return core
  }

  const first = await start()
  const now = time.now()
  const older = first.data.datasets.create('p1', usersResource, now - 2.5 * DAY)
  const younger = first.data.datasets.create('p1', usersResource, now - DAY)
  for (const dataset of [older, younger]) {
    await dataset.add(syntheticUsers(3))
    await invoke(first, 'data.keep', { datasetId: dataset.id })
    await invoke(first, 'data.closeDataset', { datasetId: dataset.id })
  }
  await invoke(first, 'settings.update', { keptDatasetDays: 3 })
  // Both younger than three days when the setting is saved: nothing has expired yet.
  expect(((await invoke(first, 'data.kept', {})) as { datasetId: string }[]).length).toBe(2)
  await first.dispose()
  cores.splice(cores.indexOf(first), 1)

  // A day later the older list is three and a half days old, the younger two.
  time.advance(DAY)
  const second = await start()
  expect(((await invoke(second, 'data.kept', {})) as { datasetId: string }[]).map((k) => k.datasetId)).toEqual([younger.id])
})
