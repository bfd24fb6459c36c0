// One dataset in one SQLite file (node:sqlite), used only inside the dataset worker.
//
// Layout: `rows` holds each row's JSON by its 0-based index (insertion order, the index the grid,
// selections and downloads use); `ids` the id keys seen, so a row Zoom sends twice is stored once;
// `search` the lower-cased text the grid's text filter searches; one narrow table per extracted
// column (`col_N`: sort key and lower-cased text, the text NULL where it equals the key) so a sort
// or a column filter reads a few bytes a row, never the JSON. The resource's default columns are
// extracted as rows arrive; another column the first time a view needs it. A view (sort + filter) is materialised once into a
// temporary table of row indexes in view order, so every window after it is a primary-key range.
//
// A page is stored in steps, so the crawl waits only for the first: `add` writes the rows' JSON
// and id keys and answers; the extracted columns of those rows are written afterwards (`extract`,
// a slice at a time while the worker would otherwise wait for the next page), and the search text
// when a text filter or search first needs it. Every read that needs either catches up first.
// How far each got is the length of its table(s), so a file opened again knows what is left.
import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { AppError } from '../../../../common/errors'
import { FILE_MODE } from '../../../store/atomic-file'
import { cellString, cellText, searchText, toCell } from '../cells'
import { discoverColumns, getPath } from '../paths'
import { WriteBehind, type WriteBehindOptions } from './write-behind'
import { sortKey } from '../sort'
import { isFiltered, isIdentity, type NormalisedSpec, normaliseSpec, type ViewSpec } from '../view'
import { viewKey } from '../view-key'
import type { DatasetMeta, StoredResource, WindowInput } from './protocol'
import { ParsedAhead } from './parsed-ahead'
import { storedRows } from './row-key'
import { assertSelectionWithin } from '../selection'
import { BUSY_TIMEOUT_MS, ExportReader, type ExportSource, isOrderTable, orderTableName } from './export-source'
import type { ParallelScans } from './parallel-scan'
import { assertOwnSchema, baseTablesSql, columnTableSql, orderTableSql } from './dataset-schema'

const SAMPLE_HEAD = 200
const SAMPLE_SPREAD = 300
/** Views kept per dataset; the least recently used temporary table is dropped. */
const VIEW_CAPACITY = 6
/** Rows extracted per transaction when a read catches up. */
const CATCH_UP_SLICE = 5000

/** A sort's first screens up to this many rows are answered before the whole order is made. */
const EARLY_WINDOW_ROWS = 1000

export interface DatasetDbOptions {
  writeBehind?: WriteBehindOptions
  scans?: ParallelScans
}

type WindowResult = { offset: number; rows: { index: number; cells: ReturnType<typeof toCell>[] }[]; columns: string[]; total: number; filteredTotal: number }

interface View {
  table: string | undefined
  length: number
  rows: number
}

export class DatasetDb {
  private db: DatabaseSync
  private rows: number
  /** Rows [0, extracted) have their columns; the rest wait for `extract`. */
  private extracted = 0
  /** Rows just stored by addRows, still parsed for their extraction. */
  private readonly ahead = new ParsedAhead()
  /** Rows [0, searchable) have their search text. */
  private searchable: number
  /** Extracted column path → its table number. */
  private readonly columns = new Map<string, number>()
  private readonly views = new Map<string, View>()
  /** Views an early window answered, to be materialised when the worker is idle. */
  private readonly pending = new Map<string, NormalisedSpec>()
  private viewSerial = 0
  private columnsCache: { rows: number; columns: string[] } | undefined
  private statements: ReturnType<DatasetDb['prepareStatements']>
  /** Hands the file's writes to the disk as they come, instead of in the kernel's 30 s bursts. */
  private readonly writeBehind: WriteBehind

  /** Shares a filter's scan of a big dataset with helper threads; without it every scan runs here. */
  private readonly scans: ParallelScans | undefined

  constructor(
    private path: string,
    private readonly resource: StoredResource,
    create: boolean,
    options: DatasetDbOptions = {},
  ) {
    this.writeBehind = new WriteBehind(() => this.path, options.writeBehind ?? {})
    this.scans = options.scans
    this.db = openDatabase(path, create)
    if (create) {
      this.db.exec(baseTablesSql())
      for (const column of resource.columns) this.createColumn(column)
    }
    for (const row of this.db.prepare('SELECT n, path FROM columns ORDER BY n').all()) this.columns.set(String(row.path), Number(row.n))
    this.rows = Number(this.db.prepare('SELECT count(*) AS n FROM rows').get()?.n ?? 0)
    this.searchable = Number(this.db.prepare('SELECT count(*) AS n FROM search').get()?.n ?? 0)
    // Every column table is filled to the same row (a column added later is filled whole at once).
    const first = this.columns.values().next()
    this.extracted = first.done ? this.rows : Number(this.db.prepare(`SELECT count(*) AS n FROM col_${first.value}`).get()?.n ?? 0)
    this.statements = this.prepareStatements()
  }

  get rowCount(): number {
    return this.rows
  }

  /**
   * Drops the row order an export cut short (the app closed mid-way) left in the file. Only when
   * the dataset is opened for use: a file opened just to read its facts may have an export running.
   */
  dropLeftoverExports(): void {
    for (const table of this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all()) {
      if (isOrderTable(String(table.name))) this.db.exec(`DROP TABLE ${String(table.name)}`)
    }
  }

  private prepareStatements() {
    return {
      insertRow: this.db.prepare('INSERT INTO rows(idx, json) VALUES (?, ?)'),
      insertId: this.db.prepare('INSERT OR IGNORE INTO ids(key) VALUES (?)'),
      insertSearch: this.db.prepare('INSERT INTO search(idx, text) SELECT ?1 + key, value FROM json_each(?2)'),
      insertColumn: new Map<number, StatementSync>(),
      row: this.db.prepare('SELECT json FROM rows WHERE idx = ?'),
      rangeRows: this.db.prepare('SELECT idx, json FROM rows WHERE idx >= ? ORDER BY idx LIMIT ?'),
      sample: this.db.prepare('SELECT json FROM rows WHERE idx IN (SELECT value FROM json_each(?)) ORDER BY idx'),
      byIndexes: this.db.prepare('SELECT idx, json FROM rows WHERE idx IN (SELECT value FROM json_each(?))'),
    }
  }

  private columnInsert(n: number): StatementSync {
    let statement = this.statements.insertColumn.get(n)
    if (!statement) {
      statement = this.db.prepare(`INSERT INTO col_${n}(idx, k, t) SELECT ?1 + key, value ->> 0, value ->> 1 FROM json_each(?2)`)
      this.statements.insertColumn.set(n, statement)
    }
    return statement
  }

  private createColumn(path: string): number {
    const n = Number(this.db.prepare('INSERT INTO columns(path) VALUES (?) RETURNING n').get(path)?.n)
    this.db.exec(columnTableSql(n))
    this.columns.set(path, n)
    return n
  }

  /**
   * Stores the rows (each one's JSON) whose id key (`keys`, one per row; null: none) was not seen
   * before, in one transaction; returns how many. Their columns follow in `extract`.
   */
  add(rows: readonly string[], keys: readonly (string | null)[]): number {
    const { insertId, insertRow } = this.statements
    let added = 0
    this.written(() =>
      rows.forEach((json, i) => {
        const key = keys[i] ?? null
        // The id index answers "seen before?" (this page included) by refusing the key again.
        if (key !== null && Number(insertId.run(key).changes) === 0) return
        insertRow.run(this.rows + added, json)
        added++
      }),
    )
    this.rows += added
    return added
  }

  /**
   * Stores parsed rows as `add` does, each keyed by the resource's id keys; `texts`: each row's JSON
   * when it is at hand (undefined: made from the row).
   */
  addRows(rows: readonly unknown[], texts: readonly (string | undefined)[] = []): number {
    const base = this.rows
    const page = storedRows(rows, this.resource.idKeys, texts)
    const added = this.add(page.json, page.keys)
    // Kept for extraction when every row was new (then row i is stored at base + i).
    if (added === rows.length) this.ahead.keep(base, rows)
    return added
  }

  /** Whether stored rows still wait for their columns. */
  get extracting(): boolean {
    return this.extracted < this.rows
  }

  /** Writes the columns of up to `limit` rows that lack them, in one transaction. */
  extract(limit: number): void {
    const count = Math.min(limit, this.rows - this.extracted)
    if (count <= 0) return
    const base = this.extracted
    const rows = this.ahead.take(base, count) ?? this.statements.rangeRows.all(base, Math.min(count, this.ahead.notHeldFrom(base))).map((row) => JSON.parse(String(row.json)) as unknown)
    this.written(() => {
      for (const [path, n] of this.columns) this.columnInsert(n).run(base, JSON.stringify(rows.map((row) => columnCell(getPath(row, path)))))
    })
    this.extracted += rows.length
  }

  /** Every stored row gets its columns before a read that needs them. */
  private catchUp(): void {
    while (this.extracting) this.extract(CATCH_UP_SLICE)
  }

  /** Every stored row gets its search text (the first text filter or search after rows came). */
  private catchUpSearch(): void {
    while (this.searchable < this.rows) {
      const base = this.searchable
      const rows = this.statements.rangeRows.all(base, CATCH_UP_SLICE).map((row) => JSON.parse(String(row.json)) as unknown)
      this.written(() => this.statements.insertSearch.run(base, JSON.stringify(rows.map((row) => searchText(row, this.resource.valueLabels)))))
      this.searchable += rows.length
    }
  }

  /** Every dotted column seen in a sample of the rows (the first ones and a spread of the rest). */
  availableColumns(): string[] {
    if (this.columnsCache?.rows !== this.rows) {
      const indexes: number[] = []
      const head = Math.min(this.rows, SAMPLE_HEAD)
      for (let i = 0; i < head; i++) indexes.push(i)
      const step = Math.max(1, Math.floor((this.rows - head) / SAMPLE_SPREAD))
      for (let i = head; i < this.rows; i += step) indexes.push(i)
      const sample = this.statements.sample.all(JSON.stringify(indexes)).map((row) => JSON.parse(String(row.json)) as unknown)
      this.columnsCache = { rows: this.rows, columns: discoverColumns(sample) }
    }
    return this.columnsCache.columns
  }

  row(index: number): unknown {
    const found = this.statements.row.get(index)
    if (!found) throw new AppError('NOT_FOUND', `Row ${index} does not exist in this dataset.`)
    return JSON.parse(String(found.json))
  }

  /** The view's length, materialised (and cached) on first use. */
  view(spec: ViewSpec): { key: string; length: number; rows: number } {
    const key = viewKey(spec)
    const view = this.materialise(key, normaliseSpec(spec))
    return { key, length: view.length, rows: view.rows }
  }

  window(input: WindowInput): WindowResult {
    // A big dataset being read may be filtered next: its scan then finds its helper threads ready.
    if (this.scans?.worth(this.rows)) this.scans.warm()
    const key = viewKey(input)
    const spec = normaliseSpec(input)
    const early = this.earlyWindow(key, spec, input)
    if (early) return early
    const view = this.materialise(key, spec)
    const found = view.table
      ? this.db.prepare(`SELECT v.idx AS idx, r.json AS json FROM ${view.table} AS v JOIN rows AS r ON r.idx = v.idx WHERE v.pos > ? ORDER BY v.pos LIMIT ?`).all(input.offset, input.limit)
      : this.statements.rangeRows.all(input.offset, input.limit)
    return this.windowOf(input, found, view.length)
  }

  /**
   * The first screens of a sort nobody asked for before, without sorting every row: SQLite keeps
   * only the top rows while it reads the sort column once (a top-N sort), which is what makes a
   * sort of millions of rows show at once. The whole order (for any offset) is materialised after,
   * when the worker has nothing else to do (`materialisePending`).
   */
  private earlyWindow(key: string, spec: NormalisedSpec, input: WindowInput): WindowResult | undefined {
    const sortOnly = spec.sort !== undefined && !isFiltered(spec)
    if (!sortOnly || input.offset + input.limit > EARLY_WINDOW_ROWS || this.views.get(key)?.rows === this.rows) return undefined
    this.catchUp()
    const shared = this.scans?.worth(this.rows) && Number.isSafeInteger(input.offset + input.limit)
    const order = shared ? this.sharedTop(spec, input) : this.top(spec, input)
    const json = new Map(this.statements.byIndexes.all(JSON.stringify(order)).map((row) => [Number(row.idx), row.json]))
    this.pending.set(key, spec)
    return this.windowOf(input, order.map((idx) => ({ idx, json: json.get(idx) })), this.rows)
  }

  /** The row indexes at view positions [offset, offset + limit), by one top-N sort of every row. */
  private top(spec: NormalisedSpec, input: WindowInput): number[] {
    const { sql, params } = this.viewQuery(spec)
    return this.db
      .prepare(`${sql} LIMIT ? OFFSET ?`)
      .all(...params, input.limit, input.offset)
      .map((row) => Number(row.idx))
  }

  /**
   * The same, with the top-N sort shared among threads (parallel-scan.ts): each chunk of rows
   * answers its own first offset + limit rows in view order, which hold the view's first ones
   * (the order ends on the row index, so it is total); the candidates are then put in order here,
   * by the view's own ORDER BY over their stored keys.
   */
  private sharedTop(spec: NormalisedSpec, input: WindowInput): number[] {
    const parts = this.viewParts(spec)
    const first = input.offset + input.limit
    const answers = this.scanInChunks(parts, (where) => `SELECT json_group_array(idx) AS json FROM (SELECT s0.idx AS idx FROM ${parts.from} WHERE ${where} ORDER BY ${parts.order} LIMIT ${first})`)
    const candidates = JSON.stringify(answers.flatMap((json) => JSON.parse(json) as number[]))
    const among = [...parts.where, 's0.idx IN (SELECT value FROM json_each(?))'].join(' AND ')
    return this.db
      .prepare(`SELECT s0.idx AS idx FROM ${parts.from} WHERE ${among} ORDER BY ${parts.order} LIMIT ? OFFSET ?`)
      .all(...parts.params, candidates, input.limit, input.offset)
      .map((row) => Number(row.idx))
  }

  /** Whether a view waits to be materialised (an early window was answered without it). */
  get hasPendingViews(): boolean {
    return this.pending.size > 0
  }

  /** Materialises one view an early window left pending. */
  materialisePending(): void {
    const next = this.pending.entries().next()
    if (next.done) return
    const [key, spec] = next.value
    this.pending.delete(key)
    this.materialise(key, spec)
  }

  private windowOf(input: WindowInput, found: Record<string, unknown>[], length: number): WindowResult {
    const rows = found.map((row) => {
      const parsed = JSON.parse(String(row.json)) as unknown
      return { index: Number(row.idx), cells: input.columns.map((column) => toCell(getPath(parsed, column))) }
    })
    return { offset: input.offset, rows, columns: [...input.columns], total: this.rows, filteredTotal: length }
  }

  /**
   * Row indexes in view order (a selection of every row passing a filter). A view of more than
   * `max` rows is refused before its indexes are gathered: millions would cross to main for nothing.
   */
  select(spec: ViewSpec, max = Infinity): Uint32Array {
    const view = this.materialise(viewKey(spec), normaliseSpec(spec))
    if (view.length > max) throw new AppError('VALIDATION', `Select all takes up to ${max.toLocaleString('en')} rows, and this view has ${view.length.toLocaleString('en')}: filter the list first, or export it whole.`)
    if (!view.table) return Uint32Array.from({ length: view.length }, (_, i) => i)
    const indexes = new Uint32Array(view.length)
    let i = 0
    for (const row of this.db.prepare(`SELECT idx FROM ${view.table} ORDER BY pos`).iterate()) indexes[i++] = Number(row.idx)
    return indexes.subarray(0, i)
  }

  /**
   * How many of `rowIndexes` (a selection) pass the spec's filter; its sort does not matter. The
   * selection drives the query (each index looked up by its key), so a big dataset is not scanned.
   */
  countShown(spec: ViewSpec, rowIndexes: readonly number[]): number {
    assertSelectionWithin(rowIndexes, this.rows)
    const { sort: _sort, ...filterOnly } = normaliseSpec(spec)
    if (isIdentity(filterOnly)) return new Set(rowIndexes).size
    this.catchUp()
    const parts = this.viewParts(filterOnly)
    const sql = `SELECT count(*) AS n FROM ${parts.from} WHERE s0.idx IN (SELECT value FROM json_each(?)) AND ${parts.where.join(' AND ')}`
    return Number(this.db.prepare(sql).get(JSON.stringify(rowIndexes), ...parts.params)?.n)
  }

  /**
   * The rows of an export in view order, to be read a batch at a time (by this connection's
   * `reader` and the export helper's own), and `release` once it is written. A sort or filter is
   * filled into a table of its own in the file, not a temporary one (which only this connection
   * could read), so nothing evicts it meanwhile and the helper reads it too.
   */
  exportSource(spec: ViewSpec, rowIndexes?: readonly number[]): { source: ExportSource; reader: ExportReader; release: () => void } {
    const normalised = normaliseSpec(spec)
    if (rowIndexes) assertSelectionWithin(rowIndexes, this.rows)
    if (isIdentity(normalised) && !rowIndexes) return { source: { path: this.path, order: undefined, length: this.rows }, reader: new ExportReader(this.db, undefined), release: () => undefined }
    this.catchUp()
    const order = orderTableName(++this.viewSerial)
    let length: number
    try {
      // Not one transaction: the fill may extract a new column, which commits its own.
      length = this.fill(order, normalised, rowIndexes)
      this.writeBehind.wrote()
    } catch (error) {
      // A fill that failed half-way (a full disk) leaves nothing in the file.
      this.db.exec(`DROP TABLE IF EXISTS ${order}`)
      throw error
    }
    return {
      source: { path: this.path, order, length },
      reader: new ExportReader(this.db, order),
      // Unless the dataset was closed meanwhile (the worker's open, move and close of a dataset
      // wait for its exports, so only a store used without the worker can do that).
      release: () => {
        if (this.db.isOpen) this.db.exec(`DROP TABLE IF EXISTS ${order}`)
      },
    }
  }

  /** Parsed rows at view positions [offset, offset + limit). */
  rowsAt(spec: ViewSpec, offset: number, limit: number): unknown[] {
    const view = this.materialise(viewKey(spec), normaliseSpec(spec))
    const found = view.table
      ? this.db.prepare(`SELECT r.json AS json FROM ${view.table} AS v JOIN rows AS r ON r.idx = v.idx WHERE v.pos > ? ORDER BY v.pos LIMIT ?`).all(offset, limit)
      : this.statements.rangeRows.all(offset, limit)
    return found.map((row) => JSON.parse(String(row.json)) as unknown)
  }

  /** Rows whose search text contains `needle` (lower-cased), in dataset order, at most `limit`. */
  search(needle: string, limit: number): unknown[] {
    this.catchUpSearch()
    return this.db
      .prepare('SELECT r.json AS json FROM search AS s JOIN rows AS r ON r.idx = s.idx WHERE instr(s.text, ?) > 0 ORDER BY s.idx LIMIT ?')
      .all(needle, limit)
      .map((row) => JSON.parse(String(row.json)) as unknown)
  }

  readMeta(): DatasetMeta | undefined {
    const found = this.db.prepare("SELECT value FROM meta WHERE key = 'dataset'").get()
    return found ? (JSON.parse(String(found.value)) as DatasetMeta) : undefined
  }

  setMeta(meta: DatasetMeta): void {
    this.written(() => this.db.prepare("INSERT INTO meta(key, value) VALUES ('dataset', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(meta)))
  }

  /** Resolves once the file's background sync (if one is running) has ended: a move or close waits for it. */
  syncEnded(): Promise<void> {
    return this.writeBehind.settled()
  }

  /** Moves the file (keep, or back to temporary): closed, renamed, opened again with its views gone. */
  move(path: string): void {
    this.dropViews()
    this.db.close()
    try {
      renameSync(this.path, path)
      this.path = path
    } finally {
      // Opened again where the file is, moved or not, so a failed move leaves the dataset usable.
      this.db = openDatabase(this.path, false)
      this.statements = this.prepareStatements()
      // A function belongs to its connection: the new one registers it again when a query needs it.
      this.cellFunction = false
    }
  }

  close(remove: boolean): void {
    if (this.db.isOpen) this.db.close()
    // Right after SQLite's own handle, never before it (write-behind.ts says why).
    this.writeBehind.close()
    if (remove) removeDatabaseFiles(this.path)
  }

  private materialise(key: string, spec: NormalisedSpec): View {
    if (!isIdentity(spec)) this.catchUp()
    const cached = this.views.get(key)
    if (cached && cached.rows === this.rows) {
      this.views.delete(key)
      this.views.set(key, cached)
      return cached
    }
    if (cached?.table) this.db.exec(`DROP TABLE IF EXISTS ${cached.table}`)
    this.views.delete(key)
    const view: View = isIdentity(spec) ? { table: undefined, length: this.rows, rows: this.rows } : { table: `temp.view_${++this.viewSerial}`, length: 0, rows: this.rows }
    if (view.table) view.length = this.fill(view.table, spec)
    this.views.set(key, view)
    while (this.views.size > VIEW_CAPACITY) {
      const [oldestKey, oldest] = this.views.entries().next().value as [string, View]
      this.views.delete(oldestKey)
      if (oldest.table) this.db.exec(`DROP TABLE IF EXISTS ${oldest.table}`)
    }
    return view
  }

  /**
   * Fills a new table with the row indexes of the view, in order; returns how many. With
   * `rowIndexes` (a selection), only those of the view's rows, still in the view's order.
   */
  private fill(table: string, spec: NormalisedSpec, rowIndexes?: readonly number[]): number {
    const parts = this.viewParts(spec)
    this.db.exec(orderTableSql(table))
    if (rowIndexes) {
      // A view of no sort nor filter reads no table of its own: the rows table gives the indexes.
      if (parts.from === '') parts.from = 'rows AS s0'
      // Last condition, so its parameter follows the view's own.
      parts.where.push('s0.idx IN (SELECT value FROM json_each(?))')
      parts.params.push(JSON.stringify(rowIndexes))
    }
    // A filter in dataset order (no sort, no check of a row's own text) is the same query over
    // any range of rows: one range at a time, on every core. A selection is small: not worth it.
    else if (this.scans?.worth(this.rows) && spec.sort === undefined && !parts.needsRow) return this.fillShared(table, parts)
    const { sql, params } = viewSql(parts)
    return Number(this.db.prepare(`INSERT INTO ${table}(idx) ${sql}`).run(...params).changes)
  }

  /** Fills a filter's table from its scan shared among threads (parallel-scan.ts), chunk by chunk in order. */
  private fillShared(table: string, parts: ViewParts): number {
    // The aggregate's own ORDER BY: the chunk's indexes ascending whatever order the join reads them in.
    const answers = this.scanInChunks(parts, (where) => `SELECT json_group_array(s0.idx ORDER BY s0.idx) AS json FROM ${parts.from} WHERE ${where}`)
    const insert = this.db.prepare(`INSERT INTO ${table}(idx) SELECT value FROM json_each(?)`)
    let length = 0
    for (const json of answers) length += Number(insert.run(json).changes)
    return length
  }

  /**
   * Runs a one-row query (its `json` column) once per chunk of rows, shared among threads
   * (parallel-scan.ts); `chunkSql` is given the view's conditions with the chunk's range added,
   * whose two parameters follow the view's own. Each chunk's answer, in chunk order.
   */
  private scanInChunks(parts: ViewParts, chunkSql: (where: string) => string): string[] {
    const sql = chunkSql([...parts.where, 's0.idx >= ?', 's0.idx < ?'].join(' AND '))
    const own = this.db.prepare(sql)
    return (this.scans as ParallelScans).scan({ path: this.path, sql, params: parts.params, rows: this.rows }, (from, to) => String(own.get(...parts.params, from, to)?.json))
  }

  /** The SELECT of the view's row indexes (`idx`) in view order, and its parameters. */
  private viewQuery(spec: NormalisedSpec): { sql: string; params: (string | number)[] } {
    return viewSql(this.viewParts(spec))
  }

  /** The view's query in parts: its tables (the first, `s0`, gives the row index), conditions and order. */
  private viewParts(spec: NormalisedSpec): ViewParts {
    const from: string[] = []
    const where: string[] = []
    const params: (string | number)[] = []
    let needsRow = false
    const join = (source: string): string => {
      const alias = `s${from.length}`
      from.push(from.length === 0 ? `${source} AS ${alias}` : `JOIN ${source} AS ${alias} ON ${alias}.idx = s0.idx`)
      return alias
    }
    if (spec.text) {
      this.catchUpSearch()
      const alias = join('search')
      where.push(`instr(${alias}.text, ?) > 0`)
      params.push(spec.text)
    }
    for (const [column, needle] of spec.columnFilters) {
      const alias = join(`col_${this.ensureColumn(column)}`)
      const cell = `coalesce(${alias}.t, ${alias}.k)`
      // The grid shows a coded value by its name ("Missed (no answer)" for no_answer): the
      // needle finds it by that name too. The few codes whose name holds it are found here, so
      // SQL compares each row's text with them; no row is read or labelled.
      const named = codesNamed(this.resource.valueLabels[column], needle)
      if (named.length === 0) where.push(`instr(${cell}, ?) > 0`)
      else where.push(`(instr(${cell}, ?) > 0 OR ${cell} IN (${named.map(() => '?').join(', ')}))`)
      params.push(needle, ...named)
    }
    for (const [column, value] of spec.equals) {
      // The lower-cased text narrows the rows cheaply; the exact text is checked on those only.
      const alias = join(`col_${this.ensureColumn(column)}`)
      where.push(`coalesce(${alias}.t, ${alias}.k) IS ? AND zc_cell(r.json, ?) = ?`)
      params.push(value === '' ? (null as unknown as string) : value.toLowerCase(), column, value)
      needsRow = true
    }
    for (const [column, empty] of spec.empty) {
      // The column's narrow table answers it: no row's JSON is read.
      const alias = join(`col_${this.ensureColumn(column)}`)
      where.push(empty ? emptyCellSql(alias) : `NOT ${emptyCellSql(alias)}`)
    }
    let order = 's0.idx'
    if (spec.sort) {
      const alias = join(`col_${this.ensureColumn(spec.sort.column)}`)
      const direction = spec.sort.direction === 'asc' ? 'ASC' : 'DESC'
      // Empty values last in dataset order; equal values in dataset order ascending and reversed
      // descending, so descending is ascending turned over (newest first puts the later of two
      // events stamped in the same millisecond on top).
      order = `(${alias}.k IS NULL), ${alias}.k ${direction}, CASE WHEN ${alias}.k IS NULL THEN s0.idx END, s0.idx ${direction}`
    }
    if (needsRow) {
      this.registerCellFunction()
      from.push('JOIN rows AS r ON r.idx = s0.idx')
    }
    return { from: from.join(' '), where, params, order, needsRow }
  }

  /** The table number of an extracted column, extracting it from every row the first time. */
  private ensureColumn(path: string): number {
    const known = this.columns.get(path)
    if (known !== undefined) return known
    try {
      const n = this.written(() => {
        const created = this.createColumn(path)
        const insert = this.db.prepare(`INSERT INTO col_${created}(idx, k, t) VALUES (?, ?, ?)`)
        for (const row of this.db.prepare('SELECT idx, json FROM rows ORDER BY idx').iterate()) {
          const [k, t] = columnCell(getPath(JSON.parse(String(row.json)), path))
          insert.run(Number(row.idx), k, t)
        }
        return created
      })
      this.statements.insertColumn.delete(n)
      return n
    } catch (error) {
      this.columns.delete(path)
      throw error
    }
  }

  /**
   * A change to the file, in one transaction (undone whole if it fails), handed to the disk in
   * the background once committed (write-behind.ts).
   */
  private written<T>(change: () => T): T {
    this.db.exec('BEGIN')
    let result: T
    try {
      result = change()
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
    this.writeBehind.wrote()
    return result
  }

  private cellFunction = false

  /** zc_cell(json, path): the value's text as the grid shows it (the exact-match filter). */
  private registerCellFunction(): void {
    if (this.cellFunction) return
    this.db.function('zc_cell', { deterministic: true }, (json, path) => cellString(getPath(JSON.parse(String(json)), String(path))))
    this.cellFunction = true
  }

  private dropViews(): void {
    for (const view of this.views.values()) if (view.table) this.db.exec(`DROP TABLE IF EXISTS ${view.table}`)
    this.views.clear()
    this.pending.clear()
  }
}

/** The codes (as the column tables hold their text, lower-cased) whose display name holds `needle`. */
function codesNamed(labels: Readonly<Record<string, string>> | undefined, needle: string): string[] {
  if (labels === undefined) return []
  return Object.entries(labels).filter(([, name]) => name.toLowerCase().includes(needle)).map(([code]) => code.toLowerCase())
}

/** A view's query in parts (DatasetDb.viewParts). */
interface ViewParts {
  from: string
  where: string[]
  params: (string | number)[]
  order: string
  /** Whether a condition reads the row's own JSON (an exact match). */
  needsRow: boolean
}

function viewSql(parts: ViewParts): { sql: string; params: (string | number)[] } {
  return { sql: `SELECT s0.idx AS idx FROM ${parts.from}${parts.where.length > 0 ? ` WHERE ${parts.where.join(' AND ')}` : ''} ORDER BY ${parts.order}`, params: parts.params }
}

/**
 * A value's sort key and lower-cased text as the column tables hold them ('' stored as NULL). The
 * text of a plain string is its sort key already (both lower-cased), so it is stored once: readers
 * take `coalesce(t, k)`.
 */
function columnCell(value: unknown): [number | string | null, string | null] {
  const key = sortKey(value)
  if (typeof value === 'string' && typeof key === 'string') return [key, null]
  return [key, cellText(value) || null]
}

/**
 * cells.ts isEmptyValue as a condition on a column table row (`alias`), always true or false:
 * missing, null and '' have no sort key; [] and {} are the only values whose text is "[]" or "{}"
 * (a string "[]" stores its text in the key alone, `t` NULL). IS, not =, so a NULL text gives false
 * and NOT of it stays a plain negation.
 */
function emptyCellSql(alias: string): string {
  return `(${alias}.k IS NULL OR ${alias}.t IS '[]' OR ${alias}.t IS '{}')`
}

function openDatabase(path: string, create: boolean): DatabaseSync {
  // Zoom's user data: only this account may read the file (SQLite would create it 0644).
  if (create) closeSync(openSync(path, 'wx', FILE_MODE))
  else if (!existsSync(path)) throw new AppError('NOT_FOUND', 'This dataset is no longer on disk.')
  // An export's helper thread reads the file through a connection of its own; a write that meets
  // its read lock waits for the read to end (a batch: milliseconds) instead of failing.
  const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS })
  // Durability is not needed: a temporary dataset that did not survive a crash is deleted at the
  // next start anyway. Its rollback journal stays in memory so a failed page is undone whole.
  // A file opened again is a kept list (or one being kept), which must survive the app crashing
  // in the middle of a write (a Refresh's pages, an export's order table): its journal goes to
  // disk, so the next open rolls a half-done write back (sqlite.org/lockingv3.html, hot journals;
  // sqlite.org/pragma.html#pragma_journal_mode: with it in memory, a crash in the middle of a
  // transaction leaves a file that "will very likely go corrupt").
  // Still no sync: that guards against the machine losing power, at a sync per transaction.
  // The sort that makes a view of millions of rows may use a second core: SQLite's sorter then
  // sorts and merges its runs in helper threads (same order; it only starts them for big sorts).
  // A file opened again may not be one the app wrote (kept files outlive the run that made them):
  // the SQL of its schema runs only if it is the app's own (dataset-schema.ts), and functions with
  // side effects are refused in whatever schema SQL does run (sqlite.org/pragma.html#pragma_trusted_schema).
  db.exec('PRAGMA trusted_schema = OFF')
  if (!create) {
    try {
      assertOwnSchema(db)
    } catch (error) {
      db.close()
      throw error
    }
  }
  db.exec(`
    PRAGMA journal_mode = ${create ? 'MEMORY' : 'DELETE'};
    PRAGMA synchronous = OFF;
    PRAGMA cache_size = -16000;
    PRAGMA temp_store = FILE;
    PRAGMA threads = 2;
  `)
  return db
}

/** The database file and any journal SQLite may have left beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
}
