// An export through the core's router on a machine whose regional format is German: CSV for Excel
// starts on `;` with decimal commas, the file a `;` CSV reader reads back as the rows (long enough
// that the dataset worker's helper thread formats part of it); a chosen separator is used as
// given, plain CSV stays on commas, and anything but the three separators is refused.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settingsSchema } from '../../../common/contract/settings'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { createCore, type Core } from '../../../main/core'
import { exportDataset } from '../../../main/data/export/export-dataset'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'
import type { FakeDialogs } from '../../fakes/simple-ports'
import { parseCsv } from './csv-parse'

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
const ROWS = 6_000
const columns = ['id', 'first_name', 'pmi', 'score', 'verified']

let dir: string
let core: Core
let dialogs: FakeDialogs
let datasetId: string
const rows = Array.from({ length: ROWS }, (_, i) => ({
  id: `u${String(i).padStart(5, '0')}`,
  first_name: i % 3 === 0 ? `Müller; ${i}, "Jr."\n=SUM(A1)` : `Name\t${i}`,
  pmi: 8_574_606_543_200 + i,
  score: i + 0.25,
  verified: i % 2 === 0,
}))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-separator-'))
  const { adapters, fakes } = createFakeAdapters({ dataDir: join(dir, 'data'), locale: 'de-DE' })
  dialogs = fakes.dialogs
  core = await createCore(adapters, { trustedOrigins: [ORIGIN] })
  const dataset = core.data.datasets.create('p1', LIST_RESOURCES.users, 0)
  await dataset.add(rows)
  datasetId = dataset.id
})
afterAll(async () => {
  await core.dispose()
  await rm(dir, { recursive: true, force: true })
})

async function exportTo(name: string, request: Record<string, unknown>): Promise<string> {
  const path = join(dir, name)
  dialogs.saveAnswers.push(path)
  const reply = await core.router.invoke('data.export', sender, { datasetId, format: 'csv', columns, sort: { column: 'id', direction: 'asc' }, ...request })
  expect(reply).toMatchObject({ ok: true, value: { rows: ROWS } })
  return readFile(path, 'utf8')
}

/** What a reader gets for each row: text with its formula characters behind a single quote. */
const cellsOf = (decimal: string) => (row: (typeof rows)[number]) => [
  row.id,
  row.first_name.replace('\n=', "\n'="),
  String(row.pmi),
  String(row.score).replace('.', decimal),
  String(row.verified),
]

describe('the column separator of an export', () => {
  it('CSV for Excel follows the German regional format: `;` between fields, decimal commas, ids and big integers unchanged', async () => {
    const text = await exportTo('excel.csv', { excel: true })
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const records = parseCsv(text.slice(1), ';')
    expect(records[0]).toEqual(['User ID', 'first_name', 'pmi', 'score', 'verified'])
    expect(records.slice(1)).toEqual(rows.map(cellsOf(',')))
    expect(text.split('\n')[1]).toBe('"u00000";"Müller; 0, ""Jr.""')
  })

  it('uses a separator chosen in the dialog, and keeps plain CSV and raw values as they were', async () => {
    const tab = await exportTo('tab.csv', { excel: true, separator: '\t' })
    expect(parseCsv(tab.slice(1), '\t').slice(1)).toEqual(rows.map(cellsOf('.')))
    const raw = await exportTo('raw.csv', { excel: true, separator: ';', values: 'raw' })
    expect(parseCsv(raw.slice(1), ';').slice(1)).toEqual(rows.map(cellsOf('.')))
    const plain = await exportTo('plain.csv', {})
    expect(parseCsv(plain).slice(1)).toEqual(rows.map(cellsOf('.')))
  })

  it('keeps decimal points with `;` chosen where the decimal mark is a point (that Excel reads 12.5)', async () => {
    const path = join(dir, 'english.csv')
    dialogs.saveAnswers.push(path)
    await exportDataset({ dialogs, clock: { now: () => 0 }, locale: 'en-GB' }, core.data.datasets.get(datasetId), { format: 'csv', columns, sort: { column: 'id', direction: 'asc' }, excel: true, separator: ';' })
    expect(parseCsv((await readFile(path, 'utf8')).slice(1), ';').slice(1)).toEqual(rows.map(cellsOf('.')))
  })

  it('refuses any other separator with a typed error before asking where', async () => {
    const asked = dialogs.calls.length
    for (const separator of ['|', ',;', '', ' ', 1]) {
      const reply = await core.router.invoke('data.export', sender, { datasetId, format: 'csv', separator })
      expect(reply, JSON.stringify(separator)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(dialogs.calls.length).toBe(asked)
  })

  it('stores the last choice in the settings, refuses any other, and forgets a hand-edited one', async () => {
    expect(await core.router.invoke('settings.update', sender, { excelCsvSeparator: '\t', csvSeparator: ';' })).toMatchObject({ ok: true, value: { excelCsvSeparator: '\t', csvSeparator: ';' } })
    expect(await core.router.invoke('settings.update', sender, { csvSeparator: '|' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await core.router.invoke('settings.get', sender, undefined)).toMatchObject({ ok: true, value: { excelCsvSeparator: '\t', csvSeparator: ';' } })
    expect(settingsSchema.parse({ csvSeparator: '|', excelCsvSeparator: ';' })).toMatchObject({ csvSeparator: undefined, excelCsvSeparator: ';' })
  })
})
