import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Dataset } from '../../../main/data/datasets/dataset'
import { exportDataset } from '../../../main/data/export/export-dataset'
import type { DialogPort } from '../../../main/ports'
import { parseCsv } from './csv-parse'
import { collect } from './harness'
import { defaultFileModeIn, modeOf } from './document-mode'
import { type SyntheticUser, syntheticUsers, usersResource } from './fixtures'

function dialogs(answer: string | undefined): DialogPort & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    chooseSaveFile: async (options) => {
      asked.push(options.defaultName)
      return answer
    },
    chooseOpenFile: async () => undefined,
    chooseFolder: async () => undefined,
    confirm: async () => false,
  }
}

const clock = { now: () => Date.UTC(2025, 4, 6) }
const TRICKY = ['=1+2', '+cmd|calc', '-2+3', '@SUM(A1)', 'a,b', 'say "hi"', 'line1\nline2', 'Zoë 東京', '\tTabbed']

describe('exportDataset', () => {
  let dir: string
  let users: SyntheticUser[]
  let dataset: Dataset

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-export-'))
    users = syntheticUsers(5000).map((u, i) => (i < TRICKY.length ? { ...u, first_name: TRICKY[i]! } : u))
    dataset = new Dataset('ds', 'p', usersResource, 0)
    await dataset.add(users)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('streams the sorted, filtered view to CSV with a header, nested values as JSON, formulas neutralised', async () => {
    const target = join(dir, 'users.csv')
    const port = dialogs(target)
    const columns = ['id', 'first_name', 'type', 'settings.host_video', 'group_ids', 'dept']
    const request = { format: 'csv' as const, columns, sort: { column: 'type', direction: 'desc' as const }, filter: { columns: { email: '1' } } }
    const result = await exportDataset({ dialogs: port, clock }, dataset, request)
    expect(port.asked).toEqual(['users-2025-05-06.csv'])

    const expected = (await dataset.window({ offset: 0, limit: 1000, ...request })).filteredTotal
    expect(result).toEqual({ path: target, rows: expected, bytes: (await stat(target)).size })
    const records = parseCsv(await readFile(target, 'utf8'))
    expect(records[0]).toEqual(['User ID', 'first_name', 'License', 'settings.host_video', 'group_ids', 'Department'])
    expect(records.length).toBe(expected + 1)

    const order = (await collect(dataset.iterate(await dataset.view({ ...request })))) as SyntheticUser[]
    // Formula characters are neutralised at the start and after every separator or line break.
    const escape = (text: string) => text.replace(/(?<=^|[,;\t\r\n])(?=[=+\-@\t\r])/g, "'")
    // By default a coded value is written as the grid labels it (type 2 → "Licensed").
    const license = usersResource.defaultColumns.find((c) => c.path === 'type')!.valueLabels!
    records.slice(1).forEach((record, i) => {
      const u = order[i]!
      expect(record).toEqual([u.id, escape(u.first_name), license[String(u.type)] ?? String(u.type), String(u.settings.host_video), JSON.stringify(u.group_ids), escape(u.dept ?? '')])
    })
    const names = records.map((r) => r[1])
    for (const tricky of TRICKY.filter((t) => order.some((u) => u.first_name === t))) expect(names).toContain(escape(tricky))
    expect(names.some((n) => n?.startsWith('='))).toBe(false)
    expect((await readdir(dir)).filter((name) => name.endsWith('.part'))).toEqual([])
    // The person's document: the usual umask-based mode (main/data/document-mode.ts).
    expect(await modeOf(target)).toBe(await defaultFileModeIn(dir))
  })

  it('names the file by the dates the list was loaded for, so two months exported on one day are two files', async () => {
    const report = new Dataset('report', 'p', { ...usersResource, id: '/report/users' }, 0)
    await report.add(users.slice(0, 3))
    const port = dialogs(undefined)
    report.crawl = { resource: '/report/users', params: { from: '2025-03-01', to: '2025-03-31', type: 'active' } }
    await exportDataset({ dialogs: port, clock }, report, { format: 'csv' })
    report.crawl = { resource: '/report/users', params: { from: '2025-04-01T00:00:00Z', to: '2025-04-30T23:59:59Z' } }
    await exportDataset({ dialogs: port, clock }, report, { format: 'ndjson' })
    // Without both dates (one given, or none), the day of the export.
    report.crawl = { resource: '/report/users', params: { from: '2025-04-01' } }
    await exportDataset({ dialogs: port, clock }, report, { format: 'csv' })
    expect(port.asked).toEqual(['report-users-2025-03-01_2025-03-31.csv', 'report-users-2025-04-01_2025-04-30.ndjson', 'report-users-2025-05-06.csv'])
    await report.close()
  })

  it('quotes every text field and neutralises formulas wherever a spreadsheet splitting on , ; or tab would start a cell', async () => {
    const hostile = ['a;+cmd|calc!A0', 'x,=1+2', 'tab\t@SUM(A1)', 'line\n-2+3', 'cr\r=1', '=start', "it's plain", 'semi;colon', '\t=both']
    const rows = hostile.map((first_name, i) => ({ id: `h${i}`, first_name, type: -1 - i, settings: { host_video: i % 2 === 0 } }))
    const small = new Dataset('hostile', 'p', usersResource, 0)
    await small.add(rows)
    const target = join(dir, 'hostile.csv')
    await exportDataset({ dialogs: dialogs(target), clock }, small, { format: 'csv', columns: ['id', 'first_name', 'type', 'settings.host_video'] })
    const text = await readFile(target, 'utf8')

    // Read back as RFC 4180: every text field is the value with a quote before each formula start.
    const records = parseCsv(text)
    expect(records.slice(1).map((r) => r[1])).toEqual([
      "a;'+cmd|calc!A0",
      "x,'=1+2",
      "tab\t'@SUM(A1)",
      "line\n'-2+3",
      "cr\r'=1",
      "'=start",
      "it's plain",
      'semi;colon',
      "'\t'=both",
    ])
    expect(records[1]).toEqual(['h0', "a;'+cmd|calc!A0", '-1', 'true'])
    // Text fields are always quoted (so a ; or tab inside stays in its cell); numbers and booleans are not.
    expect(text.match(/^"h\d+","(?:[^"]|"")*",-\d+,(?:true|false)\n/gm)).toHaveLength(hostile.length)
    expect(text.startsWith('"User ID","first_name","License","settings.host_video"\n')).toBe(true)

    // A spreadsheet in a locale that splits on ; or tab, ignoring the quotes: no piece may start a formula.
    for (const separator of [',', ';', '\t']) {
      const pieces = text.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator)).map((piece) => piece.replace(/^"+/, ''))
      const formulas = pieces.filter((piece) => /^[=+\-@\t\r]/.test(piece) && !/^-\d+(,|$)/.test(piece))
      expect({ separator, formulas }).toEqual({ separator, formulas: [] })
    }
  })

  it('streams full rows as a JSON array, or the chosen columns keyed by path', async () => {
    const full = join(dir, 'full.json')
    const result = await exportDataset({ dialogs: dialogs(full), clock }, dataset, { format: 'json', sort: { column: 'email', direction: 'asc' } })
    const parsed = JSON.parse(await readFile(full, 'utf8')) as SyntheticUser[]
    expect(parsed).toEqual(await collect(dataset.iterate(await dataset.view({ sort: { column: 'email', direction: 'asc' } }))))
    expect(result.rows).toBe(users.length)
    expect(result.bytes).toBe((await stat(full)).size)

    const projected = join(dir, 'projected.json')
    await exportDataset({ dialogs: dialogs(projected), clock }, dataset, { format: 'json', columns: ['id', 'settings.pmi', 'nope'], filter: { text: 'u0000' } })
    const rows = JSON.parse(await readFile(projected, 'utf8')) as Record<string, unknown>[]
    expect(rows.length).toBeGreaterThan(0)
    expect(rows[0]).toEqual({ id: users[0]!.id, 'settings.pmi': users[0]!.settings.pmi, nope: null })

    const empty = join(dir, 'empty.json')
    const none = await exportDataset({ dialogs: dialogs(empty), clock }, dataset, { format: 'json', filter: { text: 'no such text anywhere' } })
    expect(none.rows).toBe(0)
    expect(JSON.parse(await readFile(empty, 'utf8'))).toEqual([])
  })

  it('streams NDJSON: one row per line, whole rows or the chosen columns, in view order', async () => {
    const target = join(dir, 'users.ndjson')
    const port = dialogs(target)
    const result = await exportDataset({ dialogs: port, clock }, dataset, { format: 'ndjson', sort: { column: 'email', direction: 'desc' }, filter: { columns: { dept: 'sales' } } })
    expect(port.asked).toEqual(['users-2025-05-06.ndjson'])
    const text = await readFile(target, 'utf8')
    expect(text.endsWith('\n')).toBe(true)
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as SyntheticUser)
    const expected = await collect(dataset.iterate(await dataset.view({ sort: { column: 'email', direction: 'desc' }, filter: { columns: { dept: 'sales' } } })))
    expect(lines).toEqual(expected)
    expect(result).toEqual({ path: target, rows: expected.length, bytes: (await stat(target)).size })

    const projected = join(dir, 'projected.ndjson')
    await exportDataset({ dialogs: dialogs(projected), clock }, dataset, { format: 'ndjson', columns: ['id', 'settings.pmi'] })
    const first = (await readFile(projected, 'utf8')).split('\n')[0]!
    expect(JSON.parse(first)).toEqual({ id: users[0]!.id, 'settings.pmi': users[0]!.settings.pmi })
  })

  it('writes nothing when the person cancels the dialog', async () => {
    const before = await readdir(dir)
    expect(await exportDataset({ dialogs: dialogs(undefined), clock }, dataset, { format: 'csv' })).toEqual({ rows: 0, bytes: 0 })
    expect(await readdir(dir)).toEqual(before)
  })

  it('reports EXPORT_FAILED with the path and leaves the target untouched when writing fails', async () => {
    const target = join(dir, 'existing.json')
    await writeFile(target, 'previous export')
    const broken = new Dataset('broken', 'p', usersResource, 0)
    await broken.add(users.slice(0, 3000))
    // The dataset's database is gone by the time the export runs: the worker cannot read it.
    await broken.close()
    await expect(exportDataset({ dialogs: dialogs(target), clock }, broken, { format: 'json' })).rejects.toMatchObject({ code: 'EXPORT_FAILED', message: expect.stringContaining(target) })
    expect(await readFile(target, 'utf8')).toBe('previous export')
    expect((await readdir(dir)).filter((name) => name.endsWith('.part'))).toEqual([])

    const missingDir = join(dir, 'no', 'such', 'dir', 'x.csv')
    await expect(exportDataset({ dialogs: dialogs(missingDir), clock }, dataset, { format: 'csv' })).rejects.toMatchObject({ code: 'EXPORT_FAILED' })
  })
})
