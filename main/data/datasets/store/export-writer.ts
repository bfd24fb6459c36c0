// An export written by the dataset worker straight from the database: rows in view order, a
// batch at a time, each batch one write; between batches the worker answers other requests
// (the grid's windows), so a long export never stalls them.
//
// An export longer than one batch gets a helper thread, which reads and formats some batches
// through its own connection to the file while this thread reads and formats others; the texts
// are written in the rows' order. At most HELPER_QUEUE batches wait for the helper, and at most
// WRITE_QUEUE formatted batches wait to be written, so memory stays flat whatever the length.
//
// It says how far it got after each batch written, and stops at the next batch once cancelled
// (its caller removes the partial file).
import { closeSync, openSync, writeSync } from 'node:fs'
import { csvLine } from '../../export/csv-field'
import type { DatasetDb } from './dataset-db'
import { formatRows } from './export-format'
import { ExportHelper, type HelperExport } from './export-helper'
import type { ExportInput, ExportRowsWritten } from './protocol'

/** Rows a batch: a few megabytes of row text, so each thread's batch dies young. */
const BATCH = 2_500
const HELPER_QUEUE = 2
const WRITE_QUEUE = 4
const UTF8_BOM = '\uFEFF'

interface Slot {
  /** The batch's text: formatted here (a string) or by the helper (its UTF-8 bytes). */
  text?: string | Uint8Array
  /** How many rows it holds. */
  rows: number
  done: Promise<unknown>
}

export interface ExportOptions {
  /** Yields to the worker's other requests between batches. */
  between: () => Promise<void>
  /** Aborted: the export stops at its next batch and throws the signal's reason. */
  signal?: AbortSignal
  /** Told the rows written so far after each batch written (and 0 of the total at the start). */
  progress?: (progress: ExportRowsWritten) => void
  /** Starts the helper thread for the export (tests give a failing one); default the real one. */
  helper?: (task: HelperExport) => ExportHelper
}

export async function writeExport(db: DatasetDb, input: ExportInput, options: ExportOptions): Promise<number> {
  // The rows first: a selection naming a row the dataset lacks is refused before any file is made.
  const exported = db.exportSource(input, input.rowIndexes)
  let fd: number | undefined
  /** The helper thread, while it works; `started` stays to be stopped at the end. */
  let helper: ExportHelper | undefined
  let started: ExportHelper | undefined
  let rows = 0
  try {
    // A new file only: a symlink (or anyone's file) left at the path is never followed nor written into.
    fd = openSync(input.path, 'wx', input.mode)
    const file = fd
    const { source, reader } = exported
    // The helper reads the order table, already cut to the selection: the indexes need not be copied to it.
    const { rowIndexes: _selected, ...formatOnly } = input
    const { signal, progress } = options
    progress?.({ written: 0, total: source.length })
    let head = input.bom ? UTF8_BOM : ''
    if (input.format === 'csv') head += csvLine(input.header ?? input.columns ?? [], input.separator ? { separator: input.separator } : {})
    else if (input.format === 'json') head += '['
    if (head !== '') writeAll(file, head)
    const slots: Slot[] = []
    const writeReady = () => {
      const before = rows
      while (slots[0]?.text !== undefined) {
        const slot = slots.shift() as Slot
        writeAll(file, slot.text as string | Uint8Array)
        rows += slot.rows
      }
      if (rows !== before) progress?.({ written: rows, total: source.length })
    }
    const formatHere = (offset: number, limit: number): Slot => {
      const batch = reader.read(offset, limit)
      return { text: formatRows(batch, input, offset), rows: batch.length, done: Promise.resolve() }
    }
    for (let offset = 0; offset < source.length; offset += BATCH) {
      const limit = Math.min(BATCH, source.length - offset)
      // The second batch says the export is long enough to be worth a thread.
      if (offset === BATCH) helper = started = (options.helper ?? ((task) => new ExportHelper(task)))({ source, input: formatOnly })
      if (helper && helper.busy < HELPER_QUEUE) {
        const slot: Slot = { rows: 0, done: Promise.resolve() }
        // A helper that fails (it could not start, or stopped) leaves its batches to this thread,
        // and the rest of the export too: the export goes on, only slower.
        slot.done = helper.format(offset, limit).then(
          (formatted) => {
            slot.text = formatted.bytes
            slot.rows = formatted.rows
          },
          () => {
            helper = undefined
            const here = formatHere(offset, limit)
            slot.text = here.text
            slot.rows = here.rows
          },
        )
        // A failure here too is thrown where it is awaited below, not reported as unhandled meanwhile.
        slot.done.catch(() => undefined)
        slots.push(slot)
      } else slots.push(formatHere(offset, limit))
      writeReady()
      // The helper's answers (and other requests, a Cancel among them) are taken in between.
      await options.between()
      signal?.throwIfAborted()
      while (slots.length >= WRITE_QUEUE) {
        await (slots[0] as Slot).done
        signal?.throwIfAborted()
        writeReady()
      }
      writeReady()
    }
    for (const slot of slots) {
      await slot.done
      signal?.throwIfAborted()
    }
    writeReady()
    if (input.format === 'json') writeAll(file, `${rows === 0 ? '' : '\n'}]\n`)
  } finally {
    try {
      if (fd !== undefined) closeSync(fd)
    } finally {
      try {
        await started?.stop()
      } finally {
        exported.release()
      }
    }
  }
  return rows
}

/** Writes all of the text (a write may take only part of it). */
function writeAll(fd: number, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at)
}
