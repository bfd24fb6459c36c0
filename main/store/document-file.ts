// One JSON document in one file: validated on read, migrated, written atomically, updates queued.
//
// On disk: `{ "schemaVersion": <n>, "data": <T> }`. A damaged file (not UTF-8, not JSON, no
// version, a failing migration, a schema violation) is moved aside to `<name>.corrupt-<time>` and
// reported; the document then continues from `<name>.bak` — the last good version, saved each time
// the file was opened successfully — or, without a usable backup, from defaults. Nothing is ever
// silently emptied.
//
// Two cases are not damage and are refused instead, touching nothing (StoreError with `refusal`):
// - a read that fails with an I/O error other than ENOENT (EIO, EACCES, EMFILE…): the content may
//   be perfectly good, and the backup is older (for vault.json it may hold a refresh token that
//   Zoom has already rotated away);
// - a file written by a newer version of the app (after a downgrade): its backup is newer too, so
//   quarantining would start empty, and upgrading again would not bring the data back.
// The same holds for the backup when it would be restored. The caller shows the error and quits.
//
// Trade-off of the backup: data deleted during a session (e.g. a deleted profile's sealed secrets)
// stays in `<name>.bak` until the next start replaces it, unless the caller refreshes the backup
// (the console's history does when it is cleared).
import { chmod, copyFile, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import type { StoreProblem } from '../../common/contract/app'
import { FILE_MODE, ensureDirectory, isErrno, removeStaleTempFiles, writeFileAtomic } from './atomic-file'
import { assertMigrationChain, runMigrations, type Migration } from './migrations'
import { moveAside } from './quarantine'
import { StoreError } from './store-error'

/** Why a file was moved aside. */
export type ProblemKind = 'invalid-json' | 'invalid-schema' | 'migration-failed'

/** A file that was moved aside; `StoreProblem` (what the UI shows) plus a machine-readable kind. */
export interface DocumentProblem extends StoreProblem {
  kind: ProblemKind
  /** Set when the document was restored from its backup rather than started from defaults. */
  restoredFrom?: string
}

export interface OpenDocumentOptions<T> {
  /** Directory of the file (Electron's userData in production); created 0700 if missing. */
  dir: string
  /** File name, e.g. `profiles.json`. */
  name: string
  /** Validates (and may normalise) the `data` part on every read and before every write. */
  schema: z.ZodType<T>
  /** The document used when the file does not exist or had to be moved aside. */
  defaults: () => T
  /** The current schema version (≥ 1). */
  version: number
  /** Migrations to versions 2…`version`, in order. */
  migrations?: readonly Migration[]
  /** Keep `<name>.bak`, refreshed at every successful open, to restore from (default true). */
  backup?: boolean
  /** Called once per file moved aside, during open. */
  onProblem?: (problem: DocumentProblem) => void
  /** Clock for the `.corrupt-<time>` name; tests pin it. */
  now?: () => Date
  /**
   * Largest file an update may write, in bytes: every update rewrites and re-reads the whole file,
   * so an unbounded one would stall the app. An update that grows the file past it is refused
   * (STORE_TOO_LARGE); one that shrinks it always goes through, so an oversized file can be fixed.
   */
  maxBytes?: number
}

export interface DocumentFile<T> {
  readonly path: string
  /** The current document (deeply frozen: copy or use `update` to change it). */
  read(): T
  /**
   * Runs `fn` on a private copy of the latest document, validates the result and writes it durably
   * before resolving with it. Updates run one at a time in call order; if `fn` throws, or the
   * result is invalid, or the write fails, nothing changes and the promise rejects.
   */
  update(fn: (draft: T) => T): Promise<T>
  /** Resolves when every update queued so far has settled. */
  flush(): Promise<void>
  /**
   * Writes the current document (after the updates queued so far) as its backup too. A caller that
   * removed data the person asked to be gone calls it, so the backup does not hold that data until
   * the next start (nor bring it back should the file be damaged then). Nothing without a backup.
   */
  refreshBackup(): Promise<void>
  /** Files moved aside while opening this document. */
  readonly problems: readonly DocumentProblem[]
}

interface Envelope {
  schemaVersion: number
  data: unknown
}

type Loaded<T> = { ok: true; value: T; migratedFrom?: number } | { ok: false; kind: ProblemKind; reason: string }

export async function openDocument<T>(options: OpenDocumentOptions<T>): Promise<DocumentFile<T>> {
  const { dir, name, schema, version, migrations = [] } = options
  assertMigrationChain(version, migrations)
  const path = join(dir, name)
  const backupPath = `${path}.bak`
  const keepBackup = options.backup ?? true
  const now = options.now ?? (() => new Date())
  const serialize = (data: T) => `${JSON.stringify({ schemaVersion: version, data } satisfies Envelope, null, 2)}\n`
  const validate = (data: unknown, what: string): T => {
    const parsed = schema.safeParse(data)
    if (!parsed.success) throw new StoreError('INTERNAL', `${what} for ${name} does not match its schema: ${summarizeIssues(parsed.error)}`)
    return parsed.data
  }

  await ensureDirectory(dir)
  await removeStaleTempFiles(path)

  const problems: DocumentProblem[] = []
  let snapshot: T
  const loaded = await load(path, schema, version, migrations)
  if (loaded === 'missing') {
    // A missing file is a first start (or a deliberate reset): the backup is not brought back.
    snapshot = validate(options.defaults(), 'The default document')
  } else if (loaded.ok) {
    snapshot = loaded.value
    if (loaded.migratedFrom !== undefined) {
      // Keep the pre-migration bytes: a faulty migration must not be the end of the person's data.
      await copyFile(path, `${path}.v${loaded.migratedFrom}.bak`)
      await chmod(`${path}.v${loaded.migratedFrom}.bak`, FILE_MODE)
      await writeOrFail(path, serialize(snapshot))
    } else {
      await tightenMode(path)
    }
    // Best effort: a missing backup costs nothing until the day the file itself is damaged.
    if (keepBackup) await writeFileAtomic(backupPath, serialize(snapshot)).catch(() => undefined)
  } else {
    // Read the backup first: if it has to be refused, the damaged file stays where it is too.
    const backup = keepBackup ? await load(backupPath, schema, version, migrations) : 'missing'
    const at = now()
    let movedTo: string
    try {
      movedTo = await moveAside(path, at)
    } catch (error) {
      // Writing defaults over a file we could not move would destroy it: stop instead.
      throw new StoreError('STORE_CORRUPT', `${name} is unusable (${loaded.reason}) and could not be moved aside`, { cause: error })
    }
    const problem: DocumentProblem = { kind: loaded.kind, file: path, movedTo, reason: loaded.reason, at: at.toISOString() }
    if (backup !== 'missing' && backup.ok) {
      snapshot = backup.value
      problem.restoredFrom = backupPath
      problem.reason += `. The last good copy (saved ${(await stat(backupPath)).mtime.toISOString()}) was restored; later changes are lost.`
    } else {
      snapshot = validate(options.defaults(), 'The default document')
      problem.reason += '. No usable backup was found, so it starts empty.'
    }
    problems.push(problem)
    await writeOrFail(path, serialize(snapshot))
    options.onProblem?.(problem)
  }
  deepFreeze(snapshot)

  let queue: Promise<unknown> = Promise.resolve()
  return {
    path,
    problems,
    read: () => snapshot,
    update(fn) {
      const run = async (): Promise<T> => {
        const next = validate(fn(structuredClone(snapshot)), 'The updated document')
        const bytes = serialize(next)
        if (options.maxBytes !== undefined) assertWithin(name, Buffer.byteLength(bytes), () => Buffer.byteLength(serialize(snapshot)), options.maxBytes)
        await writeOrFail(path, bytes)
        snapshot = deepFreeze(next)
        return snapshot
      }
      const result = queue.then(run, run)
      queue = result.catch(() => undefined)
      return result
    },
    async flush() {
      await queue
    },
    async refreshBackup() {
      if (!keepBackup) return
      await queue
      await writeOrFail(backupPath, serialize(snapshot))
    },
  }
}

function assertWithin(name: string, size: number, sizeBefore: () => number, maxBytes: number): void {
  if (size <= maxBytes || size <= sizeBefore()) return
  const mb = (n: number) => (n / 1_000_000).toFixed(1)
  throw new StoreError('STORE_TOO_LARGE', `Not saved: ${name} would grow to ${mb(size)} MB, more than the ${mb(maxBytes)} MB it may hold. Remove some profiles or shorten their notes and scopes.`)
}

/** Reads and checks one file; throws a StoreError refusal when the file must not be touched. */
async function load<T>(path: string, schema: z.ZodType<T>, version: number, migrations: readonly Migration[]): Promise<Loaded<T> | 'missing'> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 'missing'
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new StoreError(
      'FILE_IO',
      `Zoom Connect could not read ${path} (${code}). Nothing was changed. Check that this file can be read by your user account and that the disk is working, then start Zoom Connect again.`,
      { cause: error, file: path, refusal: 'unreadable' },
    )
  }

  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, kind: 'invalid-json', reason: 'The file is not UTF-8 text' }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // The parser's message may quote file content, so it is not passed on.
    return { ok: false, kind: 'invalid-json', reason: bytes.length === 0 ? 'The file is empty' : 'The file is not valid JSON' }
  }
  if (!isEnvelope(json)) return { ok: false, kind: 'invalid-schema', reason: 'The file has no schemaVersion and data' }
  if (json.schemaVersion > version) {
    throw new StoreError(
      'STORE_CORRUPT',
      `${path} was written by a newer version of Zoom Connect (data format ${json.schemaVersion}; this version reads up to ${version}). Nothing was changed. Install the newer version again to keep using your data, or move the file elsewhere to start over with this version.`,
      { file: path, refusal: 'newer-version' },
    )
  }

  let data = json.data
  if (json.schemaVersion < version) {
    try {
      data = runMigrations(data, json.schemaVersion, migrations)
    } catch (error) {
      return { ok: false, kind: 'migration-failed', reason: `Upgrading from schema ${json.schemaVersion} failed: ${error instanceof Error ? error.message : 'unknown error'}` }
    }
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) return { ok: false, kind: 'invalid-schema', reason: `The content is not valid: ${summarizeIssues(parsed.error)}` }
  return json.schemaVersion < version ? { ok: true, value: parsed.data, migratedFrom: json.schemaVersion } : { ok: true, value: parsed.data }
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { schemaVersion } = value as Partial<Envelope>
  return Number.isInteger(schemaVersion) && (schemaVersion as number) >= 1 && 'data' in value
}

/** Paths and zod's messages only; zod's default messages describe expectations, not the offending values. */
function summarizeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
  return shown.join('; ') + (error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '')
}

async function writeOrFail(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new StoreError('FILE_IO', `Could not save ${path} (${code})`, { cause: error })
  }
}

/** A file created by an older build or by hand may be group/world readable. */
async function tightenMode(path: string): Promise<void> {
  if (process.platform === 'win32') return
  const { mode } = await stat(path)
  if ((mode & 0o777) !== FILE_MODE) await chmod(path, FILE_MODE)
}

function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
