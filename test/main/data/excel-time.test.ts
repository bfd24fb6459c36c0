// CSV for Excel writes Zoom's UTC times the way Excel reads a date and time; other cells, other
// offsets and raw exports keep Zoom's text.
import { describe, expect, it } from 'vitest'
import { excelTime } from '../../../main/data/export/excel-time'
import { csvRecord } from '../../../main/data/export/records'

describe('times in CSV for Excel', () => {
  it('writes a UTC ISO time as YYYY-MM-DD HH:MM:SS, with or without fractions of a second', () => {
    expect(excelTime('2026-12-03T03:40:31Z')).toBe('2026-12-03 03:40:31')
    expect(excelTime('2026-12-03T03:40:31.123Z')).toBe('2026-12-03 03:40:31')
  })

  it('leaves anything else as it is: another offset, a date alone, text, numbers, null', () => {
    for (const cell of ['2026-12-03T03:40:31+08:00', '2026-12-03', 'Meeting at 2026-12-03T03:40:31Z', '2026-12-03T03:40:31ZZ', 'x'.repeat(25), 42, null]) {
      expect(excelTime(cell)).toBe(cell)
    }
  })

  it('csvRecord applies it only when asked, and after the labels', () => {
    const labels = { type: { '1': 'Basic' } }
    const values = ['a@example.com', 1, '2026-01-02T09:08:07Z']
    const columns = ['email', 'type', 'last_login_time']
    expect(csvRecord(values, columns, labels)).toBe('"a@example.com","Basic","2026-01-02T09:08:07Z"\n')
    expect(csvRecord(values, columns, labels, true)).toBe('"a@example.com","Basic","2026-01-02 09:08:07"\n')
  })
})
