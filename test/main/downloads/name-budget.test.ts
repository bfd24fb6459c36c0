// File names and whole paths built from hostile or over-long Zoom values: the extension is always
// an allowed one, device names are caught in every spelling Windows accepts, and each segment and
// the whole path stay within their budgets on Windows-like and POSIX download folders.
import { posix, win32 } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planRecordingFiles, RECORDING_EXTENSIONS } from '../../../main/downloads/layout'
import { sanitiseSegment } from '../../../main/downloads/sanitise'

const row = (file: Record<string, unknown>, meeting: Record<string, unknown> = {}) => ({
  id: 123,
  topic: 'Weekly',
  start_time: '2026-01-02T03:04:05Z',
  host_email: 'h@example.com',
  recording_files: [{ id: 'f1', download_url: 'https://zoom.us/rec/x', file_type: 'MP4', file_extension: 'MP4', ...file }],
  ...meeting,
})

describe('file name extension', () => {
  it('keeps the allowed extension when a long recording_type ends in one of its own', () => {
    for (const length of [100, 150, 156, 157, 158, 200]) {
      const [file] = planRecordingFiles(row({ recording_type: `${'A'.repeat(length)}.exe` }), new Map(), { folder: '/home/someone/Zoom' })
      const name = file!.segments.at(-1)!
      expect(name, name).toMatch(/\.mp4$/)
      expect(name).not.toMatch(/\.exe$/i)
    }
  })

  it('keeps two long file ids of one meeting apart', () => {
    const meeting = row({})
    meeting.recording_files = [
      { id: `${'x'.repeat(90)}1`, download_url: 'https://zoom.us/rec/1', file_type: 'MP4', file_extension: 'MP4' },
      { id: `${'x'.repeat(90)}2`, download_url: 'https://zoom.us/rec/2', file_type: 'MP4', file_extension: 'MP4' },
    ]
    const [a, b] = planRecordingFiles(meeting, new Map(), { folder: '/tmp/z' })
    expect(a!.segments.at(-1)).not.toBe(b!.segments.at(-1))
  })
})

describe('whole path budget', () => {
  const folders = [
    ['Windows', win32, 'C:\\Users\\someone\\Downloads\\Zoom'],
    ['Windows, deep', win32, `C:\\Users\\someone\\${'Deep folder\\'.repeat(8)}Zoom`],
    ['POSIX', posix, '/home/someone/Downloads/Zoom'],
    ['POSIX, deep', posix, `/home/someone/${'deep-folder/'.repeat(9)}zoom`],
  ] as const
  for (const [label, path, folder] of folders) {
    it(`stays under 260 characters for a ${label} folder with every value over-long`, () => {
      const files = planRecordingFiles(
        row({ recording_type: 'r'.repeat(200), id: 'i'.repeat(100) }, { id: 'm'.repeat(100), topic: 'T'.repeat(300), host_email: `${'h'.repeat(200)}@example.com` }),
        new Map(),
        { folder },
      )
      const whole = path.join(folder, ...files[0]!.segments)
      expect(whole.length, whole).toBeLessThan(260)
      const [host, , topicFolder, name] = files[0]!.segments
      expect(host!.length).toBeLessThanOrEqual(64)
      expect(name!.length).toBeLessThanOrEqual(64 + 4)
      expect(topicFolder).toMatch(/ \(m+~[0-9a-f]{8}\)$/)
      expect(RECORDING_EXTENSIONS.has(name!.split('.').pop()!)).toBe(true)
    })
  }
})

describe('Windows device names', () => {
  it('are reserved with trailing spaces before the first dot, in any case', () => {
    for (const name of ['CON .txt', 'nul .mp4', 'lpt1 .a.b', 'Aux  .json', 'com¹ .vtt', 'LPT³.txt', 'conin$ .csv', 'COM0', 'prn.']) {
      expect(sanitiseSegment(name), name).toMatch(/^_/)
    }
  })

  it('leaves names that only start like a device alone', () => {
    for (const name of ['CONSOLE.txt', 'nullable.mp4', 'com10.txt', 'lpt.txt', 'my con.txt']) expect(sanitiseSegment(name), name).toBe(name)
  })

  it('are caught in a recording file name built from the stem', () => {
    const [file] = planRecordingFiles(row({ recording_type: 'CON .x' }), new Map())
    expect(file!.segments.at(-1)).not.toMatch(/^con/i)
  })
})
