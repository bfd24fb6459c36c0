// A crawl page kept as Zoom's bytes goes the way the worker stores it (main's scan, then each row
// parsed alone and stored with Zoom's own text): what a hostile or odd answer can make of the
// stored dataset that the parsed page (each row written again by JSON.stringify) could not.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../../common/errors'
import { rowsOfPage } from '../../../main/data/datasets/store/page-rows'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import type { StoredResource } from '../../../main/data/datasets/store/protocol'
import { scanListEnvelope } from '../../../main/zoom/list-envelope-bytes'

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
