// `npx tsx bench/store-cpu.ts [rows]`: CPU time per row of each step of storing call-history rows
// (the sandbox's synthetic records), in one thread without the sandbox or HTTP: main's scan of a
// page's envelope (its bytes), the worker's parse of the page, its add (row strings, id keys,
// inserts) and its background column extraction, then a CSV export and a first sort. CPU time, unlike the bench's wall-clock figures, barely
// moves with the machine's load, so it says what a change did on a shared machine.
import { rmSync } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SandboxData } from '../test/sandbox/data/sandbox-data'
import { SyntheticCalls } from '../test/sandbox/data/synthetic-calls'
import { LIST_RESOURCES } from '../common/zoom/catalog'
import { DatasetDb } from '../main/data/datasets/store/dataset-db'
import { rowsOfPage } from '../main/data/datasets/store/page-rows'
import { scanListEnvelope } from '../main/zoom/list-envelope-bytes'
import { writeExport } from '../main/data/datasets/store/export-writer'

const N = Number(process.argv[2] ?? 100_000)
const data = new SandboxData(15, 1000, Date.UTC(2026, 11, 1))
const calls = new SyntheticCalls(data.phone, Date.UTC(2026, 11, 1))
const resource = LIST_RESOURCES['phone.callHistory']
const labels: Record<string, Record<string, string>> = {}
for (const c of resource.defaultColumns) if (c.valueLabels) labels[c.path] = c.valueLabels
const stored = { id: resource.id, idKeys: resource.idKeys, columns: resource.defaultColumns.map((c) => c.path), valueLabels: labels }
const path = join(tmpdir(), `zoom-connect-store-cpu-${process.pid}.sqlite`)
const csv = `${path}.csv`
rmSync(path, { force: true })
const db = new DatasetDb(path, stored, true)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
let tScan = 0, tParse = 0, tAdd = 0, tExtract = 0
for (let k = 0; k < N; k += 300) {
  const texts: string[] = []
  for (let i = k; i < Math.min(N, k + 300); i++) texts.push(calls.item(i))
  const bytes = Buffer.from(`{"next_page_token":"t${k}","call_logs":[${texts.join(',')}]}`)
  let t = cpu(); const scanned = scanListEnvelope(bytes, ['call_logs']); tScan += cpu() - t
  t = cpu(); const page = rowsOfPage({ data: bytes, listKey: scanned.listKey, rows: scanned.rows, bounds: scanned.bounds }); tParse += cpu() - t
  t = cpu(); db.addRows(page.rows, page.texts); tAdd += cpu() - t
  t = cpu(); while (db.extracting) db.extract(500); tExtract += cpu() - t
}
const us = (ms: number) => ((ms * 1000) / N).toFixed(2)
console.log(`per row µs: main scan ${us(tScan)}, worker parse ${us(tParse)}, worker add ${us(tAdd)}, worker extract ${us(tExtract)}`)
// Between batches the export yields a turn of the event loop, as the dataset worker has it do
// (which is when the helper's answers are taken).
const threadCpu = () => { const u = process.threadCpuUsage(); return (u.user + u.system) / 1000 }
let t = cpu(); let w = performance.now(); const tt = threadCpu()
const rows = await writeExport(db, { path: csv, mode: 0o600, format: 'csv', columns: stored.columns, header: stored.columns, labels }, { between: () => nextTurn() })
console.log(`export ${rows} rows: ${us(cpu() - t)} µs cpu/row (this thread ${us(threadCpu() - tt)}), ${Math.round(rows / ((performance.now() - w) / 1000))} rows/s wall`)
t = cpu(); w = performance.now()
db.window({ offset: 0, limit: 100, columns: stored.columns, sort: { column: 'caller_name', direction: 'asc' } })
console.log(`first sort ${(performance.now() - w).toFixed(0)} ms wall, ${(cpu() - t).toFixed(0)} cpu`)
db.close(true)
rmSync(csv, { force: true })
