// A compromised renderer sends the worst inputs it can through the real router: free-form
// objects (filters, params) with huge numbers of keys or bytes are refused with a typed
// VALIDATION error before any handler runs, the view cache keeps only short keys, and main's
// heap stays bounded however many such calls arrive.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels } from '../../../common/contract'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

let dataDir: string
let core: Core
let datasetId: string

const manyKeys = (count: number, keyLength = 100, valueLength = 400) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${i}`.padStart(keyLength, 'k'), 'v'.repeat(valueLength)]))

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'zc-limits-'))
  core = await createCore(createFakeAdapters({ dataDir }).adapters, { trustedOrigins: [ORIGIN] })
  const dataset = core.data.datasets.create('p1', LIST_RESOURCES.users, 0)
  dataset.add(Array.from({ length: 2000 }, (_, i) => ({ id: `u${i}`, email: `user${i}@example.com`, first_name: `Name ${i}` })))
  datasetId = dataset.id
})
afterAll(async () => {
  await core.dispose()
  await rm(dataDir, { recursive: true, force: true })
})

describe('free-form objects on the bridge', () => {
  it('the contract bounds the keys and the size of every filter and params object', () => {
    const rows = channels['data.rows'].input
    expect(rows.safeParse({ datasetId: 'd', offset: 0, limit: 10, filter: { columns: manyKeys(101, 10, 10) } }).success).toBe(false)
    expect(rows.safeParse({ datasetId: 'd', offset: 0, limit: 10, filter: { columns: manyKeys(60, 120, 400) } }).success).toBe(false)
    expect(rows.safeParse({ datasetId: 'd', offset: 0, limit: 10, filter: { columns: manyKeys(20, 20, 100) } }).success).toBe(true)
    const crawl = channels['data.crawl'].input
    expect(crawl.safeParse({ profileId: 'p', resource: 'users', params: manyKeys(31, 10, 10) }).success).toBe(false)
    expect(crawl.safeParse({ profileId: 'p', resource: 'users', params: { status: 'active' } }).success).toBe(true)
    expect(channels['data.detail'].input.safeParse({ profileId: 'p', resource: 'user', id: 'me', params: manyKeys(31, 10, 10) }).success).toBe(false)
    expect(channels['data.export'].input.safeParse({ datasetId: 'd', format: 'csv', filter: { columns: manyKeys(101, 10, 10) } }).success).toBe(false)
    // A selection to export: whole indexes from 0, as many as a download may name.
    const exportRows = (rowIndexes: unknown) => channels['data.export'].input.safeParse({ datasetId: 'd', format: 'csv', rowIndexes }).success
    expect([[0, 7], [-1], [1.5], [], Array.from({ length: 100_001 }, (_, i) => i)].map(exportRows)).toEqual([true, false, false, false, false])
    // The console's headers and query: bounded per entry and in all (what an HTTP server accepts).
    const send = channels['console.send'].input
    const entries = (count: number, size: number) => Array.from({ length: count }, (_, i) => ({ name: `x-h${i}`, value: 'v'.repeat(size) }))
    expect(send.safeParse({ profileId: 'p', method: 'GET', url: '/users/me', headers: entries(100, 8000) }).success).toBe(false)
    expect(send.safeParse({ profileId: 'p', method: 'GET', url: '/users/me', query: entries(100, 4000) }).success).toBe(false)
    expect(send.safeParse({ profileId: 'p', method: 'GET', url: '/users/me', headers: entries(10, 1000), query: entries(10, 500) }).success).toBe(true)
  })

  it('worst cases through the router: typed errors, and the heap does not grow with them', async () => {
    const worst: [string, unknown][] = [
      ['data.rows', { datasetId, offset: 0, limit: 1000, filter: { columns: manyKeys(100_000, 40, 40) } }],
      ['data.rows', { datasetId, offset: 0, limit: 1000, filter: { text: 'x', columns: manyKeys(99, 128, 500) } }],
      ['data.export', { datasetId, format: 'csv', filter: { columns: manyKeys(20_000) } }],
      ['data.crawl', { profileId: 'p1', resource: 'users', params: manyKeys(20_000, 60, 500) }],
      ['data.detail', { profileId: 'p1', resource: 'user', id: 'me', params: manyKeys(20_000, 60, 500) }],
    ]
    const send = (channel: string, input: unknown) => core.router.invoke(channel, sender, input)
    for (const [channel, input] of worst) expect(await send(channel, input), channel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })

    // Allowed filters, each different: the views they leave behind are keyed by a short hash.
    const allowed = (i: number) => ({ datasetId, offset: 0, limit: 10, filter: { text: `${i}`, columns: { [`first_name${'x'.repeat(100)}`]: `${i}`.padEnd(400, ' '), ...manyKeys(40, 120, 200) } } })
    gc()
    const before = process.memoryUsage().heapUsed
    for (let round = 0; round < 10; round++) {
      for (const [channel, input] of worst) await send(channel, input)
      expect((await core.router.invoke('data.rows', sender, allowed(round))).ok).toBe(true)
    }
    gc()
    const grownMb = (process.memoryUsage().heapUsed - before) / 2 ** 20
    expect(grownMb).toBeLessThan(16)
  }, 60_000)

  it('answers any object in a free-form slot with an envelope, never a crash', async () => {
    const freeForm = fc.dictionary(fc.string({ maxLength: 300 }), fc.oneof(fc.string({ maxLength: 2000 }), fc.integer(), fc.boolean(), fc.object({ maxDepth: 3 })), { maxKeys: 400 })
    await fc.assert(
      fc.asyncProperty(freeForm, fc.constantFrom('rows', 'crawl', 'detail'), async (object, slot) => {
        const reply =
          slot === 'rows'
            ? await core.router.invoke('data.rows', sender, { datasetId, offset: 0, limit: 5, filter: { columns: object } })
            : slot === 'crawl'
              ? await core.router.invoke('data.crawl', sender, { profileId: 'nope', resource: 'users', params: object })
              : await core.router.invoke('data.detail', sender, { profileId: 'nope', resource: 'user', id: 'me', params: object })
        if (!reply.ok) expect(reply.error.code).toMatch(/^[A-Z_]+$/)
      }),
      { numRuns: 150 },
    )
  })
})

describe('datasets', () => {
  it('at most MAX_OPEN_DATASETS stay open; the least recently used closes first', async () => {
    const { MAX_OPEN_DATASETS } = await import('../../../main/data/datasets/dataset-store')
    const store = core.data.datasets
    const opened = Array.from({ length: MAX_OPEN_DATASETS }, (_, i) => store.create('p1', LIST_RESOURCES.users, i))
    // The first one is used again, so the second is now the least recently used.
    store.get(opened[0]!.id)
    const newest = store.create('p1', LIST_RESOURCES.users, 99)
    expect(store.has(opened[0]!.id)).toBe(true)
    expect(store.has(opened[1]!.id)).toBe(false)
    expect(store.has(newest.id)).toBe(true)
    expect(await core.router.invoke('data.dataset', sender, { datasetId: opened[1]!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a view is cached under a short hash of its filter, not the filter itself', async () => {
    const { viewKey } = await import('../../../main/data/datasets/view-key')
    const key = viewKey({ filter: { columns: manyKeys(100, 128, 500) }, shownColumns: ['id'] })
    expect(key.length).toBeLessThanOrEqual(64)
  })
})
