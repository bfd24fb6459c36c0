// The dataset worker thread: every dataset's SQLite database lives here, so no query, sort,
// filter, export or page write ever runs on main's event loop. Requests are handled one at a
// time in arrival order (an export yields between its batches).
import { setImmediate as nextTurn } from 'node:timers/promises'
import { parentPort } from 'node:worker_threads'
import { AppError, isAppError } from '../../../../common/errors'
import { inRowContext } from '../row-context'
import { DatasetDb, removeDatabaseFiles } from './dataset-db'
import { writeExport } from './export-writer'
import { rowsOfPage } from './page-rows'
import { ParallelScans } from './parallel-scan'
import type { CancelMessage, ExportRowsWritten, ReplyMessage, Request, RequestMessage } from './protocol'
import { runAsBackgroundThread } from '../../../threads/thread-priority'

const port = parentPort
if (!port) throw new Error('dataset-worker runs as a worker thread')
runAsBackgroundThread()

const datasets = new Map<string, DatasetDb>()
/** The helper threads every dataset's big filters share (started at the first big dataset read). */
const scans = new ParallelScans()

/**
 * Each dataset's exports under way. An export's helper thread reads the dataset's file through a
 * connection of its own, which a move or a close would pull from under it (on Windows the file
 * cannot even be renamed or deleted while it is open): a move or close waits for them to end.
 */
const exporting = new Map<string, Set<Promise<number>>>()

/**
 * Resolves once nothing else uses the dataset's file: its exports have ended, then its background
 * sync (write-behind.ts), which holds a handle of the file too. A move, a close or an open under
 * the same id waits for this first.
 */
async function fileReleased(datasetId: string): Promise<void> {
  await Promise.allSettled([...(exporting.get(datasetId) ?? [])])
  await datasets.get(datasetId)?.syncEnded()
}

function opened(datasetId: string): DatasetDb {
  const db = datasets.get(datasetId)
  if (!db) throw new AppError('NOT_FOUND', 'This dataset is no longer available. Load the list again.')
  return db
}

/** What a request may be told while it runs, and tell back: a Cancel from main, its progress. */
interface RequestControl {
  signal: AbortSignal
  progress: (progress: ExportRowsWritten) => void
}

async function handle(datasetId: string, request: Request, control: RequestControl): Promise<unknown> {
  switch (request.op) {
    case 'ready':
      return true
    case 'open': {
      const previous = datasets.get(datasetId)
      if (previous) {
        await fileReleased(datasetId)
        previous.close(false)
      }
      const db = new DatasetDb(request.path, request.resource, request.create, { scans })
      if (!request.create) db.dropLeftoverExports()
      if (request.meta) db.setMeta(request.meta)
      datasets.set(datasetId, db)
      workWhenIdle()
      return { rows: db.rowCount, meta: db.readMeta() }
    }
    case 'readMeta': {
      const db = new DatasetDb(request.path, { id: '', idKeys: [], columns: [], valueLabels: {} }, false)
      try {
        return { meta: db.readMeta(), rows: db.rowCount }
      } finally {
        db.close(false)
      }
    }
    case 'add': {
      const db = opened(datasetId)
      const added = db.add(request.rows, request.keys)
      workWhenIdle()
      return { added, rows: db.rowCount }
    }
    case 'addPage': {
      const db = opened(datasetId)
      const page = rowsOfPage(request.page)
      const rows = inRowContext(page.rows, request.context)
      // A row the context changed is written anew; the others keep Zoom's text.
      const added = db.addRows(
        rows,
        rows.map((row, i) => (row === page.rows[i] ? page.texts[i]! : undefined)),
      )
      workWhenIdle()
      return { added, rows: db.rowCount }
    }
    case 'count':
      return opened(datasetId).rowCount
    case 'columns':
      return opened(datasetId).availableColumns()
    case 'window': {
      const window = opened(datasetId).window(request.input)
      workWhenIdle()
      return window
    }
    case 'view':
      return opened(datasetId).view(request.spec)
    case 'row':
      return opened(datasetId).row(request.index)
    case 'select':
      return opened(datasetId).select(request.spec, request.max)
    case 'countShown':
      return opened(datasetId).countShown(request.spec, request.rowIndexes)
    case 'rowsAt':
      return opened(datasetId).rowsAt(request.spec, request.offset, request.limit)
    case 'search':
      return opened(datasetId).search(request.needle, request.limit)
    case 'export': {
      const running = writeExport(opened(datasetId), request.input, { between: () => nextTurn(), signal: control.signal, progress: control.progress })
      const ofDataset = exporting.get(datasetId) ?? new Set()
      exporting.set(datasetId, ofDataset.add(running))
      try {
        return { rows: await running }
      } finally {
        ofDataset.delete(running)
        if (ofDataset.size === 0) exporting.delete(datasetId)
      }
    }
    case 'setMeta':
      return opened(datasetId).setMeta(request.meta)
    case 'move':
      await fileReleased(datasetId)
      return opened(datasetId).move(request.path)
    case 'close': {
      await fileReleased(datasetId)
      const db = datasets.get(datasetId)
      datasets.delete(datasetId)
      if (db) db.close(request.remove)
      // A thread that ended (a crash) took the dataset's connection with it, not its file.
      else if (request.remove && request.path !== undefined) removeDatabaseFiles(request.path)
      return undefined
    }
  }
}

/**
 * Rows just stored get their search text and columns a slice at a time, each slice in its own
 * macrotask, so a request that arrives meanwhile (the crawl's next page, a window) waits for one
 * slice at most; while a crawl runs, this fills the time the worker waits for the next page.
 * Then a sort answered early (its first screens only) is materialised whole, one view a turn.
 */
const EXTRACT_SLICE = 500
let idleWorkScheduled = false
function workWhenIdle(): void {
  if (idleWorkScheduled) return
  idleWorkScheduled = true
  setImmediate(() => {
    idleWorkScheduled = false
    for (const db of datasets.values()) {
      if (!db.extracting) continue
      try {
        db.extract(EXTRACT_SLICE)
      } catch {
        // A read that needs these rows catches up itself and reports the error to its caller.
        continue
      }
      workWhenIdle()
      return
    }
    for (const db of datasets.values()) {
      if (!db.hasPendingViews) continue
      try {
        db.materialisePending()
      } catch {
        // The next window of that view materialises it itself and reports the error to its caller.
        continue
      }
      workWhenIdle()
      return
    }
  })
}

/** Requests still running that main may cancel (an export between its batches), by request id. */
const running = new Map<number, AbortController>()

/** How often a running export says how far it got: enough for a progress bar, few messages. */
const PROGRESS_EVERY_MS = 200

// One request at a time: a request that awaits (an export between batches) lets the next start,
// which is what keeps windows answered during an export; everything else is synchronous.
port.on('message', (message: RequestMessage | CancelMessage) => {
  if ('cancel' in message) {
    running.get(message.cancel)?.abort(new AppError('CANCELLED', 'Cancelled.'))
    return
  }
  const controller = new AbortController()
  running.set(message.id, controller)
  let lastProgress = -Infinity
  const progress = (value: ExportRowsWritten) => {
    const now = performance.now()
    if (now - lastProgress < PROGRESS_EVERY_MS) return
    lastProgress = now
    port.postMessage({ id: message.id, progress: value } satisfies ReplyMessage)
  }
  const control: RequestControl = { signal: controller.signal, progress }
  void handle(message.datasetId, message.request, control).finally(() => running.delete(message.id)).then(
    (value) => {
      const reply: ReplyMessage = { id: message.id, ok: true, value }
      port.postMessage(reply, value instanceof Uint32Array ? [value.buffer as ArrayBuffer] : [])
    },
    (error: unknown) => {
      // A SQLite error (disk full, a file removed underneath) is a file error to the person.
      const code = isAppError(error) ? error.code : 'FILE_IO'
      const reply: ReplyMessage = { id: message.id, ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } }
      port.postMessage(reply)
    },
  )
})
