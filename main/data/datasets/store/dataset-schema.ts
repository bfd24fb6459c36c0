// The tables a dataset's file holds, as the app writes them, and the check that a file opened again
// holds those and nothing else. A kept file is opened again at every start, and it may have been
// put there by something other than the app (a backup restored, a file planted): its schema is SQL
// the app would run. A view in place of a table can run a query that never ends at the first
// count, and a trigger runs statements of its own at the app's next write. So a file opened again
// is used only when every entry of its schema is one of the app's own tables, word for word, or
// an index SQLite made for their keys; anything else makes it a damaged file to the caller.
import type { DatabaseSync } from 'node:sqlite'
import { AppError } from '../../../../common/errors'
import { isOrderTable } from './export-source'

/** The tables every dataset has, by name: the statement that makes each one. */
const BASE_TABLES: Readonly<Record<string, string>> = {
  meta: 'CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  rows: 'CREATE TABLE rows(idx INTEGER PRIMARY KEY, json TEXT NOT NULL)',
  ids: 'CREATE TABLE ids(key TEXT PRIMARY KEY) WITHOUT ROWID',
  search: 'CREATE TABLE search(idx INTEGER PRIMARY KEY, text TEXT NOT NULL)',
  columns: 'CREATE TABLE columns(n INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE)',
}

/** The indexes SQLite makes for the keys of those tables (a PRIMARY KEY that is not the rowid, a UNIQUE). */
const KEY_INDEXES = new Set(['sqlite_autoindex_meta_1', 'sqlite_autoindex_columns_1'])

const COLUMN_TABLE = /^col_(\d+)$/

/** The statements that make a new dataset's tables (its extracted columns come after). */
export const baseTablesSql = (): string => Object.values(BASE_TABLES).join(';\n')

/** One extracted column's table. */
export const columnTableSql = (n: number): string => `CREATE TABLE col_${n}(idx INTEGER PRIMARY KEY, k, t TEXT)`

/** A table of row indexes in a view's order (a view's in the temp schema, an export's in the file). */
export const orderTableSql = (table: string): string => `CREATE TABLE ${table}(pos INTEGER PRIMARY KEY, idx INTEGER NOT NULL)`

/** The statement the app would have made `name` with; undefined: not a table of the app's. */
function ownTableSql(name: string): string | undefined {
  if (Object.hasOwn(BASE_TABLES, name)) return BASE_TABLES[name]
  const column = COLUMN_TABLE.exec(name)
  if (column) return columnTableSql(Number(column[1]))
  return isOrderTable(name) ? orderTableSql(name) : undefined
}

/**
 * Throws (FILE_IO, like any file SQLite cannot use) unless the file's schema is the app's own: its
 * base tables, extracted columns and export orders as the app writes them, their key indexes, and
 * no view, trigger or other table. Reading sqlite_schema runs nothing the file defines.
 */
export function assertOwnSchema(db: DatabaseSync): void {
  const entries = db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema').all()
  const names = new Set<string>()
  for (const entry of entries) {
    const name = String(entry.name)
    const own =
      entry.type === 'table'
        ? entry.tableName === name && entry.sql === ownTableSql(name)
        : entry.type === 'index' && KEY_INDEXES.has(name) && entry.sql === null && name === `sqlite_autoindex_${String(entry.tableName)}_1`
    if (!own) throw new AppError('FILE_IO', 'The file holds a table, view or trigger this app does not make')
    names.add(name)
  }
  if (!Object.keys(BASE_TABLES).every((name) => names.has(name))) throw new AppError('FILE_IO', 'The file lacks tables every dataset has')
}
