// The "Empty" / "Not empty" filter through the real router: one shape (column → true or false),
// anything else refused with a typed VALIDATION error on every channel that takes a filter; an
// allowed one reaches the rows, their count, Select all, the selection's shown count and a kept
// list's saved view.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

let dataDir: string
let core: Core
let datasetId: string
const send = (channel: string, input: unknown) => core.router.invoke(channel, sender, input)

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'zc-empty-filter-'))
  core = await createCore(createFakeAdapters({ dataDir }).adapters, { trustedOrigins: [ORIGIN] })
  const dataset = core.data.datasets.create('p1', LIST_RESOURCES.users, 0)
  // Every third user has never signed in: no last_login_time at all, or null.
  await dataset.add(Array.from({ length: 30 }, (_, i) => ({ id: `u${i}`, email: `user${i}@example.com`, ...(i % 3 === 0 ? (i % 2 === 0 ? {} : { last_login_time: null }) : { last_login_time: `2026-01-${String(1 + i).padStart(2, '0')}T00:00:00Z` }) })))
  datasetId = dataset.id
})
afterAll(async () => {
  await core.dispose()
  await rm(dataDir, { recursive: true, force: true })
})

const NEVER = { last_login_time: true }
const neverIndexes = Array.from({ length: 10 }, (_, i) => i * 3)

describe('the empty filter on the bridge', () => {
  it('refuses any other shape, and too many columns, on every channel that takes a filter', async () => {
    const bad: unknown[] = [{ last_login_time: 'yes' }, { last_login_time: null }, { last_login_time: 1 }, ['last_login_time'], 'last_login_time', { '': true }, { ['x'.repeat(129)]: true }, Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`c${i}`, true]))]
    for (const empty of bad) {
      const filter = { empty }
      for (const [channel, input] of [
        ['data.rows', { datasetId, offset: 0, limit: 10, filter }],
        ['data.select', { datasetId, filter }],
        ['data.selectedShown', { datasetId, filter, rowIndexes: [0] }],
        ['data.export', { datasetId, format: 'csv', filter }],
        ['data.keep', { datasetId, view: { empty } }],
      ] as const)
        expect(await send(channel, input), `${channel} ${JSON.stringify(empty).slice(0, 40)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })

  it('gives the rows, their count, Select all and the selection’s shown count', async () => {
    const rows = await send('data.rows', { datasetId, offset: 0, limit: 100, columns: ['email', 'last_login_time'], filter: { empty: NEVER } })
    expect(rows).toMatchObject({ ok: true, value: { total: 30, filteredTotal: 10 } })
    expect(rows.ok && (rows.value as { rows: { index: number }[] }).rows.map((row) => row.index)).toEqual(neverIndexes)
    expect(await send('data.rows', { datasetId, offset: 0, limit: 0, filter: { empty: { last_login_time: false } } })).toMatchObject({ ok: true, value: { filteredTotal: 20 } })
    expect(await send('data.select', { datasetId, filter: { empty: NEVER } })).toMatchObject({ ok: true, value: { indexes: neverIndexes } })
    expect(await send('data.selectedShown', { datasetId, filter: { empty: NEVER }, rowIndexes: [0, 1, 2, 3] })).toMatchObject({ ok: true, value: { shown: 2 } })
  })

  it('is saved in a kept list’s view and listed with it', async () => {
    const kept = await send('data.keep', { datasetId, view: { filterText: 'example', empty: NEVER } })
    expect(kept).toMatchObject({ ok: true, value: { view: { filterText: 'example', empty: NEVER } } })
    const listed = await send('data.kept', {})
    expect(listed.ok && (listed.value as { datasetId: string; view?: unknown }[]).find((k) => k.datasetId === datasetId)?.view).toEqual({ filterText: 'example', empty: NEVER })
  })
})
