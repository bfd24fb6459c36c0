import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { openDocument, StoreError, type DocumentProblem, type Migration } from '../../../main/store'

const notesSchema = z.object({ notes: z.array(z.string()), title: z.string() }).strict()
type Notes = z.infer<typeof notesSchema>
const defaults = (): Notes => ({ notes: [], title: 'untitled' })
const FIXED_NOW = new Date('2026-08-22T10:15:30.123Z')

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const open = (extra: { onProblem?: (p: DocumentProblem) => void; backup?: boolean } = {}) =>
  openDocument({ dir, name: 'notes.json', schema: notesSchema, defaults, version: 1, now: () => FIXED_NOW, ...extra })

const modeOf = async (path: string) => (await stat(path)).mode & 0o777
const envelope = (data: unknown, schemaVersion = 1) => JSON.stringify({ schemaVersion, data })

describe('openDocument', () => {
  it('starts from defaults when the file does not exist, and persists updates with mode 0600', async () => {
    const doc = await open()
    expect(doc.read()).toEqual(defaults())
    expect(doc.problems).toEqual([])

    const result = await doc.update((d) => ({ ...d, title: 'hello' }))
    expect(result.title).toBe('hello')
    const onDisk = JSON.parse(await readFile(doc.path, 'utf8'))
    expect(onDisk).toEqual({ schemaVersion: 1, data: { notes: [], title: 'hello' } })
    expect(await modeOf(doc.path)).toBe(0o600)

    const reopened = await open()
    expect(reopened.read().title).toBe('hello')
  })

  it('hands out a frozen snapshot, so callers cannot change the document behind the store', async () => {
    const doc = await open()
    expect(() => (doc.read().notes as string[]).push('x')).toThrow(TypeError)
    await doc.update((d) => {
      d.notes.push('mutating the draft is fine')
      return d
    })
    expect(doc.read().notes).toEqual(['mutating the draft is fine'])
  })

  it('tightens the mode of an existing file that is readable by others', async () => {
    await writeFile(join(dir, 'notes.json'), envelope(defaults()), { mode: 0o644 })
    const doc = await open()
    expect(await modeOf(doc.path)).toBe(0o600)
  })

  const corruptions: Array<[string, Buffer, DocumentProblem['kind']]> = [
    ['truncated JSON', Buffer.from('{"schemaVersion":1,"data":{"notes":["a"'), 'invalid-json'],
    ['an empty file', Buffer.alloc(0), 'invalid-json'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'invalid-json'],
    ['JSON without an envelope', Buffer.from(JSON.stringify({ notes: [], title: 'x' })), 'invalid-schema'],
    ['JSON that violates the schema', Buffer.from(envelope({ notes: 'not-a-list', title: 3 })), 'invalid-schema'],
  ]

  it.each(corruptions)('moves %s aside with its original bytes, reports it, and starts fresh', async (_label, bytes, kind) => {
    const path = join(dir, 'notes.json')
    await writeFile(path, bytes)
    const onProblem = vi.fn()

    const doc = await open({ onProblem })

    const movedTo = `${path}.corrupt-2026-08-22T101530.123Z`
    expect(doc.problems).toEqual([{ kind, file: path, movedTo, reason: expect.stringContaining('No usable backup'), at: FIXED_NOW.toISOString() }])
    expect(onProblem).toHaveBeenCalledExactlyOnceWith(doc.problems[0])
    expect(await readFile(movedTo)).toEqual(bytes)
    expect(doc.read()).toEqual(defaults())
    // The fresh document is on disk, valid and private; the next start reports nothing.
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ schemaVersion: 1, data: defaults() })
    expect(await modeOf(path)).toBe(0o600)
    expect((await open()).problems).toEqual([])
  })

  it('reads a file saved with a UTF-8 byte-order mark (e.g. by a text editor) as the content it is', async () => {
    const content = { notes: ['edited by hand'], title: 't' }
    await writeFile(join(dir, 'notes.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(envelope(content))]))
    const doc = await open()
    expect(doc.problems).toEqual([])
    expect(doc.read()).toEqual(content)
  })

  it('restores the last good copy (saved at the previous open) when the file becomes unusable', async () => {
    const first = await open()
    await first.update((d) => ({ ...d, title: 'saved before the last start' }))
    const second = await open()
    expect(await modeOf(`${second.path}.bak`)).toBe(0o600)
    await second.update((d) => ({ ...d, title: 'changed during the session' }))
    await writeFile(second.path, '{"schemaVersion":1,"data":{"tit')

    const third = await open()
    expect(third.problems).toEqual([
      expect.objectContaining({ kind: 'invalid-json', restoredFrom: `${third.path}.bak`, reason: expect.stringContaining('last good copy') }),
    ])
    expect(third.read().title).toBe('saved before the last start')
    expect(JSON.parse(await readFile(third.path, 'utf8')).data.title).toBe('saved before the last start')
    expect(await readFile(third.problems[0]!.movedTo, 'utf8')).toBe('{"schemaVersion":1,"data":{"tit')
  })

  it('starts from defaults when the backup is unusable too, and keeps no backup when told not to', async () => {
    await (await open()).update((d) => ({ ...d, title: 'x' }))
    await open()
    await writeFile(join(dir, 'notes.json.bak'), 'damaged as well')
    await writeFile(join(dir, 'notes.json'), 'damaged')
    const doc = await open()
    expect(doc.problems[0]?.restoredFrom).toBeUndefined()
    expect(doc.read()).toEqual(defaults())

    await rm(join(dir, 'notes.json.bak'))
    await open({ backup: false })
    expect((await readdir(dir)).includes('notes.json.bak')).toBe(false)
  })

  it('never quotes file content in the reported reason', async () => {
    await writeFile(join(dir, 'notes.json'), '{"schemaVersion":1,"data":{"notes":["CANARY-STORE-91c2"],"title":')
    const doc = await open()
    expect(doc.problems[0]?.reason).not.toContain('CANARY')
  })

  /** Every file in the directory with its bytes (directories as '<dir>'), to prove nothing was touched. */
  const snapshotDir = async () => {
    const entries = await readdir(dir, { withFileTypes: true })
    const out: Record<string, string> = {}
    for (const entry of entries) out[entry.name] = entry.isDirectory() ? '<dir>' : await readFile(join(dir, entry.name), 'latin1')
    return out
  }
  const rejection = async (promise: Promise<unknown>): Promise<StoreError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StoreError)
    return error as StoreError
  }

  it('refuses a file written by a newer version: an error naming the file, nothing moved or written', async () => {
    // A previous start (of the newer version) left a backup that is newer too.
    const newer = envelope({ notes: ['written after an upgrade'], title: 'newer' }, 7)
    await writeFile(join(dir, 'notes.json'), newer)
    await writeFile(join(dir, 'notes.json.bak'), newer)
    const before = await snapshotDir()
    const onProblem = vi.fn()

    const error = await rejection(open({ onProblem }))

    expect(error).toMatchObject({ code: 'STORE_CORRUPT', refusal: 'newer-version', file: join(dir, 'notes.json') })
    expect(error.message).toContain(join(dir, 'notes.json'))
    expect(error.message).toMatch(/newer version/)
    expect(error.message).toMatch(/nothing was changed/i)
    expect(onProblem).not.toHaveBeenCalled()
    expect(await snapshotDir()).toEqual(before)
  })

  it('refuses a path it cannot read (here: a directory) instead of treating it as corrupt', async () => {
    await (await open()).update((d) => ({ ...d, title: 'in the backup' }))
    await open() // saves notes.json.bak
    await rm(join(dir, 'notes.json'))
    await mkdir(join(dir, 'notes.json'))
    const before = await snapshotDir()

    const error = await rejection(open())

    expect(error).toMatchObject({ code: 'FILE_IO', refusal: 'unreadable', file: join(dir, 'notes.json') })
    expect(error.message).toContain(join(dir, 'notes.json'))
    expect(error.message).toContain('EISDIR')
    // The backup (possibly older than the unreadable file) was not brought back over it.
    expect(await snapshotDir()).toEqual(before)
  })

  it('does not move a corrupt file aside when the backup cannot be judged (newer version)', async () => {
    await writeFile(join(dir, 'notes.json'), 'damaged')
    await writeFile(join(dir, 'notes.json.bak'), envelope(defaults(), 7))
    const before = await snapshotDir()
    const error = await rejection(open())
    expect(error).toMatchObject({ refusal: 'newer-version', file: join(dir, 'notes.json.bak') })
    expect(await snapshotDir()).toEqual(before)
  })

  it('does not overwrite an earlier quarantined file with the same timestamp', async () => {
    const path = join(dir, 'notes.json')
    await writeFile(path, 'first')
    await open()
    await writeFile(path, 'second')
    const second = await open()
    expect(second.problems[0]?.movedTo).toBe(`${path}.corrupt-2026-08-22T101530.123Z-2`)
    expect(await readFile(`${path}.corrupt-2026-08-22T101530.123Z`, 'utf8')).toBe('first')
    expect(await readFile(`${path}.corrupt-2026-08-22T101530.123Z-2`, 'utf8')).toBe('second')
  })

  it('serializes concurrent updates so that none is lost', async () => {
    const doc = await open()
    const writes = Array.from({ length: 100 }, (_, i) => doc.update((d) => ({ ...d, notes: [...d.notes, `n${i}`] })))
    await Promise.all(writes)
    const expected = Array.from({ length: 100 }, (_, i) => `n${i}`)
    expect(doc.read().notes).toEqual(expected)
    expect((await open()).read().notes).toEqual(expected)
  })

  it('rejects an update whose function throws, and keeps going with the next one', async () => {
    const doc = await open()
    const failing = doc.update(() => {
      throw new Error('boom')
    })
    const next = doc.update((d) => ({ ...d, title: 'after' }))
    await expect(failing).rejects.toThrow('boom')
    await expect(next).resolves.toMatchObject({ title: 'after' })
  })

  it('refuses to write a document that violates the schema', async () => {
    const doc = await open()
    await doc.update((d) => ({ ...d, title: 'valid' }))
    const before = await readFile(doc.path, 'utf8')
    const bad = doc.update((d) => ({ ...d, title: 42 as unknown as string }))
    await expect(bad).rejects.toBeInstanceOf(StoreError)
    await expect(bad).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(await readFile(doc.path, 'utf8')).toBe(before)
    expect(doc.read().title).toBe('valid')
  })

  it('reports a failed write as FILE_IO and keeps the previous snapshot', async () => {
    const doc = await open()
    await doc.update((d) => ({ ...d, title: 'kept' }))
    // A non-empty directory in place of the file makes the rename fail (root ignores permission bits).
    await rm(doc.path)
    await mkdir(join(doc.path, 'blocker'), { recursive: true })
    await expect(doc.update((d) => ({ ...d, title: 'lost' }))).rejects.toMatchObject({ code: 'FILE_IO' })
    expect(doc.read().title).toBe('kept')
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('removes temp files left behind by a killed process', async () => {
    await writeFile(join(dir, 'notes.json.99999.abcdef.tmp'), 'half a write')
    await writeFile(join(dir, 'other.json.99999.abcdef.tmp'), 'not ours')
    await open()
    expect((await readdir(dir)).sort()).toEqual(['other.json.99999.abcdef.tmp'])
  })
})

describe('migrations', () => {
  const v3Schema = z.object({ items: z.array(z.object({ text: z.string(), done: z.boolean() })), title: z.string() }).strict()
  type V3 = z.infer<typeof v3Schema>
  const calls: string[] = []
  const migrations: Migration[] = [
    {
      to: 2,
      migrate: (data) => {
        calls.push('to2')
        const v1 = data as { notes: string[]; title: string }
        return { items: v1.notes.map((text) => ({ text })), title: v1.title }
      },
    },
    {
      to: 3,
      migrate: (data) => {
        calls.push('to3')
        const v2 = data as { items: { text: string }[]; title: string }
        return { ...v2, items: v2.items.map((item) => ({ ...item, done: false })) }
      },
    },
  ]
  const openV3 = (list: readonly Migration[] = migrations) =>
    openDocument<V3>({ dir, name: 'notes.json', schema: v3Schema, defaults: () => ({ items: [], title: '' }), version: 3, migrations: list })

  beforeEach(() => {
    calls.length = 0
  })

  it('runs the migrations in order, writes the result back, and keeps a backup of the old file', async () => {
    const original = envelope({ notes: ['a', 'b'], title: 't' })
    await writeFile(join(dir, 'notes.json'), original)

    const doc = await openV3()
    expect(calls).toEqual(['to2', 'to3'])
    const expected = { items: [{ text: 'a', done: false }, { text: 'b', done: false }], title: 't' }
    expect(doc.read()).toEqual(expected)
    expect(JSON.parse(await readFile(doc.path, 'utf8'))).toEqual({ schemaVersion: 3, data: expected })
    expect(await readFile(`${doc.path}.v1.bak`, 'utf8')).toBe(original)
    expect(await modeOf(`${doc.path}.v1.bak`)).toBe(0o600)

    calls.length = 0
    await openV3()
    expect(calls).toEqual([])
  })

  it('starts a v2 file at the v2→v3 migration', async () => {
    await writeFile(join(dir, 'notes.json'), envelope({ items: [{ text: 'x' }], title: 't' }, 2))
    const doc = await openV3()
    expect(calls).toEqual(['to3'])
    expect(doc.read().items).toEqual([{ text: 'x', done: false }])
  })

  it('moves the file aside when a migration throws', async () => {
    await writeFile(join(dir, 'notes.json'), envelope({ notes: 'oops', title: 't' }))
    const doc = await openV3()
    expect(doc.problems.map((p) => p.kind)).toEqual(['migration-failed'])
    expect(doc.read()).toEqual({ items: [], title: '' })
  })

  it('rejects a migration list with gaps or in the wrong order', async () => {
    await expect(openV3([migrations[1]!, migrations[0]!])).rejects.toThrow(/in order/)
    await expect(openV3([migrations[0]!])).rejects.toThrow(/in order/)
  })
})
