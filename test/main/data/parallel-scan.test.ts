// A filter over a big dataset is one scan shared among the dataset worker and helper threads
// (store/parallel-scan.ts): its view must be exactly the one a single scan makes, for every kind
// of filter, whoever took which chunk. A helper answers the chunks it takes through the protocol
// the worker reads synchronously; a helper that never answers its chunk, or answers an error,
// has the chunk redone by the worker, so the view is still whole and nothing hangs.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { BroadcastChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { chunkRanges, ParallelScans } from '../../../main/data/datasets/store/parallel-scan'
import type { StoredResource } from '../../../main/data/datasets/store/protocol'
import { rowKey } from '../../../main/data/datasets/store/row-key'
import { threadScript } from '../../../main/data/datasets/store/thread-script'
import type { ViewSpec } from '../../../main/data/datasets/view'
import { type Misbehaviour, TOOK_CHUNK_CHANNEL } from './misbehaving-scan-helper'
import { scanThroughHelper } from './scan-through-helper'

const ROWS = 48_000
const resource: StoredResource = { id: 'calls', idKeys: ['id'], columns: ['caller', 'site', 'duration'], valueLabels: {} }
const CALLERS = ['Ann Lee', 'Dan Ortiz', 'Ömer Şahin', 'hana', 'Zoë Brandt', '']
const SITES = ['Main Site', 'London Office', 'Tokyo Office']
const call = (i: number) => ({ id: `c${i}`, caller: CALLERS[(i * 7) % CALLERS.length], site: SITES[i % SITES.length], note: i % 1000 === 0 ? 'escalated' : 'ok', duration: i % 11 === 0 ? null : (i * 37) % 500 })
const scanScript = threadScript('scan-helper-thread', new URL('../../../main/data/datasets/store/parallel-scan.ts', import.meta.url).href)
const misbehavingScript = threadScript('misbehaving-scan-helper', import.meta.url)

/** The SELECT a shared filter runs for one chunk (as DatasetDb.fillShared makes it), here on the caller column. */
const CHUNK_SQL = 'SELECT json_group_array(s0.idx ORDER BY s0.idx) AS json FROM col_1 AS s0 WHERE instr(coalesce(s0.t, s0.k), ?) > 0 AND s0.idx >= ? AND s0.idx < ?'

function filled(path: string, scans?: ParallelScans): DatasetDb {
  const db = new DatasetDb(path, resource, true, scans ? { scans } : {})
  const rows = Array.from({ length: ROWS }, (_, i) => call(i))
  db.add(
    rows.map((row) => JSON.stringify(row)),
    rows.map((row) => rowKey(row, resource.idKeys)),
  )
  // The column tables a scan reads, as the worker fills them after a page.
  while (db.extracting) db.extract(10_000)
  return db
}

describe('a filter shared among threads', () => {
  let dir: string
  let single: DatasetDb
  let shared: DatasetDb
  let scans: ParallelScans
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-parallel-scan-'))
    scans = new ParallelScans({ helpers: 2, minRows: 1_000, minChunkRows: 1_000 })
    single = filled(join(dir, 'single.sqlite'))
    shared = filled(join(dir, 'shared.sqlite'), scans)
  })
  afterAll(async () => {
    single.close(true)
    shared.close(true)
    await scans.end()
    await rm(dir, { recursive: true, force: true })
  })

  const filters: [string, ViewSpec][] = [
    ['a column filter', { filter: { columns: { caller: 'an' } } }],
    ['a column filter on non-ASCII text', { filter: { columns: { caller: 'ş' } } }],
    ['the text filter (every column)', { filter: { text: 'tokyo' } }],
    ['the text filter and a column filter together', { filter: { text: 'escalated', columns: { site: 'london' } } }],
    ['a filter nothing matches', { filter: { columns: { caller: 'nobody' } } }],
    ['a filter every row matches', { filter: { columns: { site: 'o' } } }],
    ['the empty filter', { filter: { empty: { caller: true } } }],
    ['the not-empty filter with a column filter, on a column not extracted yet', { filter: { empty: { duration: false, note: false }, columns: { site: 'london' } } }],
  ]
  for (const [name, spec] of filters) {
    it(`fills ${name} exactly as one scan does`, () => {
      const expected = single.select(spec)
      expect(shared.select(spec)).toEqual(expected)
      const columns = ['id', 'caller', 'site']
      for (const offset of [0, Math.max(0, expected.length - 50)]) {
        const want = single.window({ ...spec, columns, offset, limit: 100 })
        expect(shared.window({ ...spec, columns, offset, limit: 100 })).toEqual(want)
      }
    })
  }

  const sorts: ViewSpec['sort'][] = [
    { column: 'caller', direction: 'asc' },
    { column: 'caller', direction: 'desc' },
    { column: 'duration', direction: 'asc' },
    { column: 'duration', direction: 'desc' },
  ]
  for (const sort of sorts) {
    it(`answers the first screens of a sort by ${sort?.column} ${sort?.direction} from chunks, exactly as one top-N sort does`, () => {
      const columns = ['id', 'caller', 'duration']
      // Many equal keys and empty ones: the order among them is the row index, asc or reversed.
      for (const offset of [0, 400, 900]) {
        const want = single.window({ sort, columns, offset, limit: 100 })
        expect(shared.window({ sort, columns, offset, limit: 100 })).toEqual(want)
        expect(want.rows).toHaveLength(100)
      }
    })
  }

  it('cuts a scan into chunks that cover every row once', () => {
    for (const [rows, threads, min] of [[48_000, 3, 1_000], [10_000_000, 2, 25_000], [25_001, 4, 25_000], [1, 2, 1_000]] as const) {
      const chunks = chunkRanges(rows, threads, min)
      expect(chunks[0]?.[0]).toBe(0)
      expect(chunks.at(-1)?.[1]).toBe(rows)
      chunks.forEach(([from, to], i) => {
        expect(to).toBeGreaterThan(from)
        if (i > 0) expect(from).toBe(chunks[i - 1]?.[1])
      })
    }
  })
})

describe('a scan helper thread', () => {
  let dir: string
  let path: string
  let reference: DatabaseSync
  const chunks: [number, number][] = [[0, 10_000], [10_000, 30_000], [30_000, ROWS]]
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-scan-helper-'))
    path = join(dir, 'calls.sqlite')
    filled(path).close(false)
    reference = new DatabaseSync(path, { readOnly: true })
  })
  afterAll(async () => {
    reference.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('answers each chunk it takes with its matching row indexes, before marking it done', async () => {
    const replies = await scanThroughHelper(scanScript, { path, sql: CHUNK_SQL, params: ['an'], rows: ROWS }, chunks)
    const expected = chunks.map(([from, to], chunk) => ({ id: 1, chunk, json: String(reference.prepare(CHUNK_SQL).get('an', from, to)?.json) }))
    expect(replies).toEqual(expected)
    // Not a vacuous match: the chunks do hold matches.
    expect(expected.every(({ json }) => (JSON.parse(json) as number[]).length > 0)).toBe(true)
  })

  it('answers an error for each chunk it cannot read, and still marks every chunk done', async () => {
    const replies = await scanThroughHelper(scanScript, { path: join(dir, 'gone.sqlite'), sql: CHUNK_SQL, params: ['an'], rows: ROWS }, chunks)
    expect(replies.map((reply) => reply.chunk)).toEqual([0, 1, 2])
    for (const reply of replies) expect(reply).toMatchObject({ id: 1, error: expect.stringMatching(/unable to open|no such file/i) })
  })
})

describe('a helper that misbehaves', () => {
  let dir: string
  let path: string
  let reference: DatabaseSync
  let scans: ParallelScans | undefined
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-scan-misbehaving-'))
    path = join(dir, 'calls.sqlite')
    filled(path).close(false)
    reference = new DatabaseSync(path, { readOnly: true })
  })
  afterEach(async () => {
    await scans?.end()
    delete process.env.ZC_TEST_SCAN_HELPER
  })
  afterAll(async () => {
    reference.close()
    await rm(dir, { recursive: true, force: true })
  })

  const cases: [Misbehaviour, string][] = [
    ['stuck', 'never answers the chunk it took'],
    ['error', 'answers an error for the chunk it took'],
  ]
  for (const [misbehaviour, what] of cases) {
    it(`has its chunk redone by the worker when it ${what}`, () => {
      process.env.ZC_TEST_SCAN_HELPER = misbehaviour
      scans = new ParallelScans({ helpers: 1, script: misbehavingScript, minRows: 1_000, minChunkRows: 1_000, stealAfterMs: 200 })
      const told = new BroadcastChannel(TOOK_CHUNK_CHANNEL)
      // Node reads a BroadcastChannel synchronously as it does a port (worker_threads docs,
      // receiveMessageOnPort); its type declarations list the port only.
      const toldPort = told as unknown as MessagePort
      const statement = reference.prepare(CHUNK_SQL)
      let first = true
      try {
        const answers = scans.scan({ path, sql: CHUNK_SQL, params: ['an'], rows: ROWS }, (from, to) => {
          // The worker's first chunk waits until the helper has taken one of its own.
          const deadline = Date.now() + 30_000
          while (first && !receiveMessageOnPort(toldPort) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
          first = false
          return String(statement.get('an', from, to)?.json)
        })
        const expected = chunkRanges(ROWS, 2, 1_000).map(([from, to]) => String(statement.get('an', from, to)?.json))
        expect(answers).toEqual(expected)
        expect(scans.helpedChunks).toBe(0)
      } finally {
        told.close()
      }
    })
  }
})
