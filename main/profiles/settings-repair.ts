// profiles.json holds the connections and the settings together. A setting given a value this
// version cannot use (typed in by hand, or left by another version) would fail the whole file's
// schema, and the store would set the file aside and go back to its backup of the last start — or,
// without one, to no connection at all — over one theme name. Before the store opens the file, each
// stored setting is checked on its own; one that cannot be used is removed (so its default
// applies), the person's file is copied aside, and a problem names what was reset.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { settingFields } from '../../common/contract/settings'
import { isRecord } from '../../common/is-record'
import { StoreError, writeFileAtomic } from '../store'
import type { DocumentProblem } from '../store'
import { copyAside } from '../store/quarantine'
import { settingsResetReason } from './settings-repair-reason'

type Fields = typeof settingFields

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error'
}

/** The stored settings whose values cannot be used, by name; none when the file is not ours to fix. */
function unusableSettings(settings: Record<string, unknown>): string[] {
  return Object.entries(settings)
    .filter(([key, value]) => !Object.hasOwn(settingFields, key) || !settingFields[key as keyof Fields].safeParse(value).success)
    .map(([key]) => key)
}

/**
 * Resets the unusable settings of `<dir>/<name>` in place, when the rest of the file is readable
 * at `version`: anything else (not JSON, another version, damaged connections) is left for the
 * store, which sets the whole file aside. Returns the problem to report, if any.
 */
export async function repairStoredSettings(options: {
  dir: string
  name: string
  version: number
  maxBytes: number
  isValidData(data: unknown): boolean
  now?: () => Date
}): Promise<DocumentProblem | undefined> {
  const path = join(options.dir, options.name)
  let envelope: unknown
  try {
    const bytes = await readFile(path)
    if (bytes.length > options.maxBytes) return undefined
    envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
  if (!isRecord(envelope) || envelope.schemaVersion !== options.version || !isRecord(envelope.data) || !isRecord(envelope.data.settings)) return undefined
  const settings = envelope.data.settings
  const unusable = unusableSettings(settings)
  if (unusable.length === 0) return undefined
  // A Set: a hand-edited file may hold hundreds of thousands of unknown names.
  const reset = new Set(unusable)
  const kept = Object.fromEntries(Object.entries(settings).filter(([key]) => !reset.has(key)))
  const data = { ...envelope.data, settings: kept }
  if (!options.isValidData(data)) return undefined

  // Serialised before anything is touched: a value JSON.parse took but JSON.stringify cannot write
  // (nested past the stack) would otherwise fail after the copy, stopping every start and leaving
  // one more copy each time. Only schemaVersion and data are written, all the store reads.
  let text: string
  try {
    text = `${JSON.stringify({ schemaVersion: envelope.schemaVersion, data }, null, 2)}\n`
  } catch {
    return undefined
  }
  const at = (options.now ?? (() => new Date()))()
  let movedTo: string
  try {
    movedTo = await copyAside(path, at)
  } catch (error) {
    // Rewriting without a copy of the person's file would lose what they typed: stop and say so.
    throw new StoreError('FILE_IO', `${path} has a setting that cannot be used, and a copy of it could not be made before repairing it (${errorCode(error)}). Nothing was changed.`, { cause: error, file: path })
  }
  try {
    await writeFileAtomic(path, text)
  } catch (error) {
    throw new StoreError('FILE_IO', `Could not save ${path} (${errorCode(error)}). Nothing was changed; your file was copied to ${movedTo}.`, { cause: error, file: path })
  }
  return {
    kind: 'invalid-schema',
    file: path,
    movedTo,
    copied: true,
    at: at.toISOString(),
    reason: settingsResetReason(options.name, unusable, unusable.filter((key) => !Object.hasOwn(settingFields, key)).length),
  }
}
