// What an export reports and writes when other things happen around it: a crawl ending while it
// is written, text built to start a formula in a spreadsheet that splits on separators and drops
// quotes, two exports to one file at once.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Dataset } from '../../../main/data/datasets/dataset'
import { exportDataset } from '../../../main/data/export/export-dataset'
import type { DialogPort } from '../../../main/ports'
import { parseCsv } from './csv-parse'
import { syntheticUsers, usersResource } from './fixtures'

const clock = { now: () => Date.UTC(2025, 4, 6) }
const dialogs = (answer: string): DialogPort => ({
  chooseSaveFile: async () => answer,
  chooseOpenFile: async () => undefined,
  chooseFolder: async () => undefined,
  confirm: async () => false,
})

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-export-outcomes-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('an export’s completeness', () => {
  it('says the file is incomplete when the crawl ends while the export is being written (the rows it added are not in the file)', async () => {
    const users = syntheticUsers(200)
    const dataset = new Dataset('race', 'p', usersResource, 0)
    try {
      await dataset.add(users.slice(0, 100))
      // A crawl is loading: the dialog warned "incomplete", the person chose Export anyway.
      dataset.markLoading()
      const exportTo = dataset.exportTo.bind(dataset)
      dataset.exportTo = async (input) => {
        const running = exportTo(input)
        // Meanwhile the crawl stores its last page and ends complete.
        await dataset.add(users.slice(100))
        dataset.setCompleteness([])
        return running
      }
      const target = join(dir, 'race.csv')
      const result = await exportDataset({ dialogs: dialogs(target), clock }, dataset, { format: 'csv' })
      const records = parseCsv(await readFile(target, 'utf8'))
      expect(records.length - 1).toBe(result.rows)
      expect(dataset.rowCount).toBe(200)
      // The file holds the 100 rows there were when the export began, not the 200 the list ended with…
      expect(result.rows).toBe(100)
      // …so the result must not read as a complete export ("Exported 100 rows").
      expect(result.incomplete).toBeDefined()
    } finally {
      await dataset.close()
    }
  })
})

describe('formulas in exported text', () => {
  it('neutralises a formula that follows a separator and a quote, as the hostile-spreadsheet model of export.test.ts reads it (quotes stripped)', async () => {
    const hostile = [
      { id: 'q0', first_name: 'x,"=1+2', group_ids: ['g1'] },
      { id: 'q1', first_name: 'plain', group_ids: ['g1', '=HYPERLINK("http://evil")'] },
      { id: 'q2', first_name: 'a;"@SUM(A1)', group_ids: [] },
      { id: 'q3', first_name: 'line\n"+cmd|calc', group_ids: [] },
    ]
    const dataset = new Dataset('quoted-formulas', 'p', usersResource, 0)
    try {
      await dataset.add(hostile)
      const target = join(dir, 'quoted.csv')
      await exportDataset({ dialogs: dialogs(target), clock }, dataset, { format: 'csv', columns: ['id', 'first_name', 'group_ids'] })
      const text = await readFile(target, 'utf8')
      // Same check as export.test.ts ("…wherever a spreadsheet splitting on , ; or tab would start a cell").
      for (const separator of [',', ';', '\t']) {
        const pieces = text.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator)).map((piece) => piece.replace(/^"+/, ''))
        const formulas = pieces.filter((piece) => /^[=+\-@\t\r]/.test(piece) && !/^-\d+(,|$)/.test(piece))
        expect({ separator, formulas }).toEqual({ separator, formulas: [] })
      }
    } finally {
      await dataset.close()
    }
  })
})

describe('two exports to one file', () => {
  it('two lists exported at once to the same file: the file is one of them, whole, and reported written', async () => {
    const users = syntheticUsers(8_000)
    const a = new Dataset('same-a', 'p', usersResource, 0)
    const b = new Dataset('same-b', 'p', usersResource, 0)
    try {
      await a.add(users.map((u) => ({ ...u, first_name: 'from A' })))
      await b.add(users.map((u) => ({ ...u, first_name: 'from B' })))
      const target = join(dir, 'same.csv')
      const results = await Promise.allSettled([
        exportDataset({ dialogs: dialogs(target), clock }, a, { format: 'csv', columns: ['id', 'first_name'] }),
        exportDataset({ dialogs: dialogs(target), clock }, b, { format: 'csv', columns: ['id', 'first_name'] }),
      ])
      const text = await readFile(target, 'utf8')
      const records = parseCsv(text)
      // The file on disk is one of the two exports, whole (not rows of both), and that export was reported written, with its size.
      expect(records.length).toBe(users.length + 1)
      const sources = new Set(records.slice(1).map((r) => r[1]))
      expect(sources.size).toBe(1)
      const source = sources.has('from A') ? 0 : 1
      expect(results[source]).toMatchObject({ status: 'fulfilled', value: { bytes: Buffer.byteLength(text) } })
    } finally {
      await a.close()
      await b.close()
    }
  })
})
