// Recording names come from Zoom data, which whoever hosts a meeting can write: only the file
// extensions Zoom's recording file types use, no bidi marks, no Windows device names, and whole
// paths that stay under Windows' 260-character limit.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RECORDING_EXTENSIONS, planRecordingFiles, relativePathOf } from '../../../main/downloads/layout'
import { sanitiseSegment } from '../../../main/downloads/sanitise'
import { hasLayoutCharacters } from '../../../common/display-text'

const MEETINGS_SPEC = resolve(__dirname, '../../../../shared/zoom-openapi/Meetings.json')

/** Every `enum` of a `file_type` or `file_extension` property in Zoom's Meetings API. */
function recordingEnums(): { fileTypes: Set<string>; extensions: Set<string> } {
  const fileTypes = new Set<string>()
  const extensions = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (typeof node !== 'object' || node === null) return
    for (const [key, value] of Object.entries(node)) {
      const values = (value as { enum?: unknown }).enum
      if (Array.isArray(values) && key === 'file_type') values.forEach((v) => fileTypes.add(String(v)))
      if (Array.isArray(values) && key === 'file_extension') values.forEach((v) => extensions.add(String(v).toLowerCase()))
      walk(value)
    }
  }
  walk(JSON.parse(readFileSync(MEETINGS_SPEC, 'utf8')))
  return { fileTypes, extensions }
}

const meeting = (files: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  id: 85746352143,
  host_email: 'host@example.com',
  topic: 'Weekly',
  start_time: '2025-03-31T10:00:00Z',
  recording_files: files.map((file, i) => ({ id: `f${i}`, download_url: `https://zoom.example/rec/download/f${i}`, file_size: 10, ...file })),
  ...extra,
})

describe('recording file extensions', () => {
  it.skipIf(!existsSync(MEETINGS_SPEC))('are exactly those of the file_extension enum of Zoom’s recordings schema', () => {
    expect([...RECORDING_EXTENSIONS].sort()).toEqual([...recordingEnums().extensions].sort())
  })

  it.skipIf(!existsSync(MEETINGS_SPEC))('every documented file_type gets an allowed extension', () => {
    const { fileTypes } = recordingEnums()
    const files = planRecordingFiles(meeting([...fileTypes].map((file_type) => ({ file_type }))), new Map())
    expect(files).toHaveLength(fileTypes.size)
    for (const file of files) expect([...RECORDING_EXTENSIONS, 'bin']).toContain(file.segments.at(-1)!.split('.').pop())
  })

  it('an executable or unknown extension from Zoom data is never kept', () => {
    const hostile = ['EXE', 'bat', 'cmd', 'ps1', 'lnk', 'scr', 'js', 'hta', 'desktop', 'app', 'sh', 'mp4.exe', 'mp4\u202Eexe', 'MP4 ', '']
    const files = planRecordingFiles(meeting(hostile.map((file_extension) => ({ file_type: 'MP4', file_extension }))), new Map())
    for (const file of files) expect(file.segments.at(-1), file.segments.at(-1)).toMatch(/\.mp4$/)
    const unknown = planRecordingFiles(meeting([{ file_type: 'PAYLOAD', file_extension: 'EXE' }]), new Map())
    expect(unknown[0]!.segments.at(-1)).toMatch(/\.bin$/)
  })
})

describe('names', () => {
  it('lose bidi and other invisible layout characters', () => {
    const files = planRecordingFiles(
      meeting([{ file_type: 'MP4', recording_type: 'shared\u202Escreen' }], { topic: 'Invoice \u202Egpj.exe', host_email: 'a\u2066b@example.com' }),
      new Map(),
    )
    for (const segment of files[0]!.segments) expect(hasLayoutCharacters(segment), segment).toBe(false)
    expect(files[0]!.segments[2]).toContain('Invoice')
  })

  it('never use the Windows console devices CONIN$ and CONOUT$', () => {
    expect(sanitiseSegment('CONIN$')).toBe('_CONIN$')
    expect(sanitiseSegment('conout$.txt')).toBe('_conout$.txt')
    expect(sanitiseSegment('CONIN$ notes')).toBe('CONIN$ notes')
  })
})

describe('path length', () => {
  it('keeps the whole path under 260 characters by shortening the topic', () => {
    const folder = join('C:', 'Users', 'someone', 'Documents', 'Zoom recordings')
    const row = meeting([{ file_type: 'MP4', recording_type: 'shared_screen_with_speaker_view_cc', id: 'b'.repeat(30) }], {
      host_email: `${'h'.repeat(30)}@${'d'.repeat(20)}.example.com`,
      topic: `Quarterly planning ${'and budget '.repeat(30)}`,
    })
    const [file] = planRecordingFiles(row, new Map(), { folder })
    const whole = join(folder, relativePathOf(file!))
    expect(whole.length).toBeLessThan(260)
    expect(file!.segments[2]).toMatch(/^Quarterly planning.* \(85746352143\)$/)
    // A short folder leaves the topic longer.
    const [roomy] = planRecordingFiles(row, new Map(), { folder: join('D:', 'rec') })
    expect(roomy!.segments[2]!.length).toBeGreaterThan(file!.segments[2]!.length)
    expect(join('D:', 'rec', relativePathOf(roomy!)).length).toBeLessThan(260)
    // A folder so deep that the topic cannot give enough: the host name is shortened too.
    const deep = join('C:', 'x'.repeat(100))
    const [tight] = planRecordingFiles(row, new Map(), { folder: deep })
    expect(join(deep, relativePathOf(tight!)).length).toBeLessThan(260)
    expect(tight!.segments[0]!.length).toBeLessThan(roomy!.segments[0]!.length)
  })
})
