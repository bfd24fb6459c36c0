// A process that writes many rows into an existing dataset file in one transaction, then says
// "done": the test kills it part-way through (kept-crash.test.ts).
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'

const [path, count] = process.argv.slice(2) as [string, string]
const db = new DatasetDb(path, { id: 'calls', idKeys: ['id'], columns: ['n'], valueLabels: {} }, false)
const rows = Array.from({ length: Number(count) }, (_, i) => JSON.stringify({ id: `late${i}`, n: i, text: 'x'.repeat(200) }))
db.add(
  rows,
  rows.map((_, i) => `id:late${i}`),
)
process.stdout.write('done\n')
db.close(false)
