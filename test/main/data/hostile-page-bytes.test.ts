// A crawl page kept as Zoom's bytes goes the way the worker stores it (main's scan, then each row
// parsed alone and stored with Zoom's own text): what a hostile or odd answer can make of the
// stored dataset that the parsed page (each row written again by JSON.stringify) could not.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../../common/errors'
import { Dataset } from '../../../main/data/datasets/dataset'
import { rowsOfPage } from '../../../main/data/datasets/store/page-rows'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import type { StoredResource } from '../../../main/data/datasets/store/protocol'
import { scanListEnvelope } from '../../../main/zoom/list-envelope-bytes'
import type { PageBytes } from '../../../main/zoom/list-page'
import { usersResource } from './fixtures'

const resource: StoredResource = { id: 'users', idKeys: ['id'], columns: ['id', 'email'], valueLabels: {} }

/** Stores a page's text as the crawl does with a page as bytes: main's scan, then the worker's parse. */
function storePage(db: DatasetDb, text: string): number {
  const data = new TextEncoder().encode(text)
  const { listKey, rows, bounds } = scanListEnvelope(data, ['users'])
  const page = rowsOfPage({ data, listKey, rows, bounds })
  return db.addRows(page.rows, page.texts)
}

describe('a page stored from its bytes', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-hostile-bytes-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('exports one NDJSON line a row even when Zoom wrote its rows over several lines', async () => {
    const rows = [
      { id: 'u1', email: 'one@example.com', tags: ['a', 'b'] },
      { id: 'u2', email: 'two@example.com', nested: { x: 1 } },
    ]
    const db = new DatasetDb(join(dir, 'pretty.sqlite'), resource, true)
    try {
      // A pretty-printed answer: JSON allows line breaks between any tokens.
      expect(storePage(db, JSON.stringify({ next_page_token: '', users: rows }, null, 2))).toBe(2)
      const path = join(dir, 'pretty.ndjson')
      await writeExport(db, { path, mode: 0o600, format: 'ndjson' }, { between: async () => undefined })
      const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '')
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(rows)
    } finally {
      db.close(true)
    }
  })

  it('refuses a row nested deeper than the grid can show, instead of storing a row that breaks every sorted read', () => {
    // The parsed path wrote each row again with JSON.stringify on main, which refused this row (a
    // RangeError); JSON.parse itself reads any depth.
    const depth = 200_000
    const deep = `{"next_page_token":"","users":[{"id":"u1","email":"one@example.com"},{"id":"u2","email":"e","tags":${'['.repeat(depth)}${']'.repeat(depth)}}]}`
    const db = new DatasetDb(join(dir, 'deep.sqlite'), resource, true)
    try {
      let stored = true
      try {
        storePage(db, deep)
      } catch (error) {
        stored = false
        expect(isAppError(error) && error.code === 'ZOOM_RESPONSE_INVALID', String(error)).toBe(true)
      }
      // Stored or not, the dataset still reads: sorted by the column the row nests in, and whole.
      const window = (column: string) => db.window({ offset: 0, limit: 10, columns: ['id', column], sort: { column, direction: 'asc' } })
      expect(() => window('tags')).not.toThrow()
      expect(() => window('email')).not.toThrow()
      expect(db.rowCount).toBe(stored ? 2 : 0)
    } finally {
      db.close(true)
    }
  })
})

describe('Dataset.addPage', () => {
  /** The page as main hands it over: the answer's bytes and the scan's reading of them. */
  const handed = (data: Uint8Array): PageBytes => {
    const { listKey, rows, bounds } = scanListEnvelope(data, ['users'])
    return { data, listKey, rows, bounds }
  }

  it('moves a large answer to the worker, but copies a small one out of Node’s shared pool first (its neighbours stay readable)', async () => {
    const dataset = new Dataset('bytes1', 'p1', usersResource, 0)
    try {
      // Small Buffers made from strings are slices of one shared pool: moving the pool would empty its neighbours.
      const before = Buffer.from('a neighbour before')
      const small = Buffer.from('{"users":[{"id":"u1","email":"one@example.com"}]}')
      const after = Buffer.from('a neighbour after')
      expect(small.buffer.byteLength).toBeGreaterThan(small.byteLength)
      expect(await dataset.addPage(handed(small), { hostEmail: 'host@example.com' })).toBe(1)
      expect([before.toString(), after.toString(), small.toString()]).toEqual(['a neighbour before', 'a neighbour after', '{"users":[{"id":"u1","email":"one@example.com"}]}'])
      const rows = Array.from({ length: 200 }, (_, i) => ({ id: `v${i}`, email: `v${i}@example.com`, host_email: i % 2 ? `own${i}@example.com` : '' }))
      // An answer in a Buffer of its own (got joins a large answer's chunks into one; under this
      // test runner Buffer's pool is larger, so the page is put outside it here).
      const text = JSON.stringify({ users: rows })
      const large = Buffer.allocUnsafeSlow(Buffer.byteLength(text))
      large.write(text)
      expect(await dataset.addPage(handed(large), { hostEmail: 'host@example.com' })).toBe(200)
      // Moved: the bytes are the worker's now.
      expect(large.buffer.byteLength).toBe(0)
      expect(await dataset.row(0)).toEqual({ id: 'u1', email: 'one@example.com', host_email: 'host@example.com' })
      // A row's own host_email is kept; an empty one is the unit's.
      expect(await dataset.row(2)).toEqual({ ...rows[1], host_email: 'own1@example.com' })
      expect(await dataset.row(1)).toEqual({ ...rows[0], host_email: 'host@example.com' })
      expect(dataset.rowCount).toBe(201)
    } finally {
      await dataset.close(true)
    }
  })
})
