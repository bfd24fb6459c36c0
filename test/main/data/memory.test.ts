// DESIGN.md budget: the main-process heap holding a 100,000-user dataset stays under 200 MB.
// Measured here on the dataset alone (rows as parsed from the sandbox's pages, plus a sorted view).
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { Dataset } from '../../../main/data/datasets/dataset'
import { type Sandbox, startSandbox } from '../../sandbox'
import { builtIn, sandboxZoom } from './sandbox-zoom'
import { listPages } from '../../../main/data/jobs/list-pages'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const settledHeap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

describe('dataset memory', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 2, users: 100_000, plan: 'unlimited' })
  })
  afterAll(() => sandbox.close())

  it('holds 100,000 users with a sorted view well under 200 MB of heap', async () => {
    const client = sandboxZoom(sandbox).forProfile('p1')
    await client.get('/users/me')
    const before = settledHeap()
    const dataset = new Dataset('mem', 'p', LIST_RESOURCES.users, 0)
    for (const status of ['active', 'inactive', 'pending']) {
      for await (const page of listPages(client, builtIn('/users'), { pathValues: {}, query: { status }, signal: new AbortController().signal })) await dataset.add(page.items)
    }
    dataset.seal()
    const window = await dataset.window({ offset: 50_000, limit: 100, sort: { column: 'email', direction: 'asc' } })
    expect(dataset.rowCount).toBe(100_000)
    expect(window.rows).toHaveLength(100)
    const used = settledHeap() - before
    console.log(`dataset of ${dataset.rowCount} users: ${(used / 1024 / 1024).toFixed(1)} MB of heap`)
    expect(used).toBeLessThan(200 * 1024 * 1024)
    // 100,000 users crawled and stored through the dataset worker: more than the default 20 s on a loaded 2-core machine.
  }, 120_000)
})
