// How a helper thread (an export's formatter, a filter's scanner) opens a dataset's file: read-only,
// waiting on a crawl's write lock as the worker does, and with the same guard as the worker's own
// open. The worker checked the file's schema when it opened it, but a helper opens it again by its
// path, later: the schema it meets is checked again, and schema SQL may call no function with side
// effects (sqlite.org/pragma.html#pragma_trusted_schema).
import { DatabaseSync } from 'node:sqlite'
import { assertOwnSchema } from './dataset-schema'
import { BUSY_TIMEOUT_MS } from './export-source'

export function openForReading(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { readOnly: true, timeout: BUSY_TIMEOUT_MS })
  try {
    db.exec('PRAGMA trusted_schema = OFF')
    assertOwnSchema(db)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
