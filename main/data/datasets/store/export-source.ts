// Where an export's rows come from, in the export's order, a batch at a time: the dataset's rows
// in insertion order, or the rows a table of indexes lists in view order (a sort or a filter,
// filled for the export). The dataset worker and the export helper thread read batches through
// connections of their own with this one query, so both take the same rows for the same positions
// and no row's text is copied from one thread to the other.
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { AppError } from '../../../../common/errors'

export interface ExportSource {
  /** The dataset's file. */
  path: string
  /** The table of row indexes in view order (`pos` from 1); undefined: every row, in insertion order. */
  order: string | undefined
  /** How many rows the export holds. */
  length: number
}

/** How long a connection to a dataset's file waits for another one's lock before it gives up. */
export const BUSY_TIMEOUT_MS = 10_000

/** The only names an export's order table gets (a main-schema table another connection can read). */
const ORDER_TABLE = /^export_\d+$/

export const orderTableName = (serial: number): string => `export_${serial}`

export const isOrderTable = (name: string): boolean => ORDER_TABLE.test(name)

export class ExportReader {
  private readonly statement: StatementSync

  constructor(db: DatabaseSync, order: string | undefined) {
    // The name is written into the query, so only a name of the export's own shape is taken.
    if (order !== undefined && !isOrderTable(order)) throw new AppError('INTERNAL', 'The export’s row order is not a table this app made.')
    this.statement = db.prepare(
      order === undefined
        ? 'SELECT json FROM rows WHERE idx >= ? ORDER BY idx LIMIT ?'
        : `SELECT r.json FROM ${order} AS v JOIN rows AS r ON r.idx = v.idx WHERE v.pos > ? ORDER BY v.pos LIMIT ?`,
    )
    // One value a row: arrays spare an object per row.
    this.statement.setReturnArrays(true)
  }

  /** The JSON of the rows at export positions [offset, offset + limit). */
  read(offset: number, limit: number): string[] {
    return (this.statement.all(offset, limit) as unknown as unknown[][]).map((row) => String(row[0]))
  }
}
