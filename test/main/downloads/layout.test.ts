import { sep } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planRecordingFiles, relativePathOf } from '../../../main/downloads/layout'
import { sanitiseSegment } from '../../../main/downloads/sanitise'

describe('sanitiseSegment', () => {
  it('replaces reserved and control characters and fixes names Windows would reject', () => {
    expect(sanitiseSegment('a<b>c:d"e/f\\g|h?i*j\u0001k')).toBe('a_b_c_d_e_f_g_h_i_j_k')
    expect(sanitiseSegment('CON')).toBe('_CON')
    expect(sanitiseSegment('lpt1.txt')).toBe('_lpt1.txt')
    expect(sanitiseSegment('Weekly sync. . ')).toBe('Weekly sync')
    expect(sanitiseSegment('.hidden')).toBe('_hidden')
    expect(sanitiseSegment('  \t ')).toBe('_')
    expect(sanitiseSegment('..')).toBe('_')
    expect(sanitiseSegment('multi\n line\ttopic')).toBe('multi line topic')
  })

  it('is always a safe, bounded, non-empty single segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 8, max: 200 }), (name, max) => {
        const out = sanitiseSegment(name, max)
        expect(out.length).toBeGreaterThan(0)
        expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(max + 1)
        // eslint-disable-next-line no-control-regex -- asserting control characters are gone
        expect(out).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/)
        expect(out).not.toMatch(/[. ]$/)
        expect(out.startsWith('.')).toBe(false)
        // Cutting to length never splits a character into a replacement one; one typed in the name may stay.
        const replacements = (text: string) => text.split('\uFFFD').length - 1
        expect(replacements(out)).toBeLessThanOrEqual(replacements(name))
      }),
    )
  })
})

describe('planRecordingFiles', () => {
  const row = {
    id: 85746352143,
    uuid: 'abc==',
    host_id: 'h1',
    topic: 'Q3 review: "final"/v2',
    start_time: '2025-03-31T23:30:00Z',
    recording_files: [
      { id: 'f1', download_url: 'https://zoom.example/rec/download/f1', file_size: 1000, file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen_with_speaker_view' },
      { id: 'f2', download_url: 'https://zoom.example/rec/download/f2', file_size: 20, file_type: 'TRANSCRIPT', recording_type: 'audio_transcript' },
      { id: 'f3', file_size: 5, file_type: 'M4A', recording_type: 'audio_only', status: 'processing' },
      { id: 'f4', download_url: 'https://zoom.example/rec/download/f4', file_type: 'CHAT' },
    ],
  }

  it('lays files out by host, UTC day and meeting, skipping files still processing', () => {
    const files = planRecordingFiles(row, new Map([['h1', 'host@example.com']]))
    expect(files.map((f) => f.url)).toEqual(['https://zoom.example/rec/download/f1', 'https://zoom.example/rec/download/f2', 'https://zoom.example/rec/download/f4'])
    expect(files[0]!.segments).toEqual(['host@example.com', '2025-03-31', 'Q3 review_ _final__v2 (85746352143)', 'shared_screen_with_speaker_view-f1.mp4'])
    expect(relativePathOf(files[1]!)).toBe(['host@example.com', '2025-03-31', 'Q3 review_ _final__v2 (85746352143)', 'audio_transcript-f2.vtt'].join(sep))
    expect(files[2]).toMatchObject({ fileSize: 0, recordingType: 'chat', segments: expect.arrayContaining(['chat-f4.txt']) })
    expect(files[0]).toMatchObject({ fileSize: 1000, meetingTopic: row.topic, recordingType: 'shared_screen_with_speaker_view' })
  })

  it('prefers host_email on the row and keeps the meeting id even for very long topics', () => {
    const files = planRecordingFiles({ ...row, host_email: 'x@y.z', topic: 'T'.repeat(500) }, new Map())
    expect(files[0]!.segments[0]).toBe('x@y.z')
    expect(files[0]!.segments[2]).toMatch(/^T+ \(85746352143\)$/)
    expect(Buffer.byteLength(files[0]!.segments[2]!)).toBeLessThanOrEqual(120)
    expect(planRecordingFiles({ ...row, host_id: undefined }, new Map())[0]!.segments[0]).toBe('unknown host')
    expect(planRecordingFiles(null, new Map())).toEqual([])
  })
})
