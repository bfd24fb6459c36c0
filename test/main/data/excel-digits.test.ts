// Text of digits that Excel would change (a leading zero dropped, digits past the 15th zeroed) is
// written for Excel as `="…"`, which Excel shows as the text itself; everything else, and every
// export not for Excel, is written as before. formatRows is what the dataset worker and its export
// helper thread both write with.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvLine } from '../../../main/data/export/csv-field'
import { formatRows } from '../../../main/data/datasets/store/export-format'
import { parseCsv } from './csv-parse'

/** What Excel shows for a cell read from CSV: a `="…"` formula's string, anything else as it is. */
const shown = (cell: string): string => /^="(\+?\d+)"$/.exec(cell)?.[1] ?? cell

describe('text of digits in CSV for Excel', () => {
  it('writes a leading zero or more than 15 digits (up to the 255 Excel takes in a formula) as a constant formula, and nothing else', () => {
    const cells = ['0012', '7009123456789012345', '1234567890123456', '123456789012345', '0', '42', '0x12', '00a', '=0012', '', ' 0012', '9'.repeat(256)]
    const line = csvLine(cells, { excelText: true })
    expect(line).toBe(['"=""0012"""', '"=""7009123456789012345"""', '"=""1234567890123456"""', '"123456789012345"', '"0"', '"42"', '"0x12"', '"00a"', `"'=0012"`, '""', '" 0012"', `"${'9'.repeat(256)}"`].join(',') + '\n')
    expect(csvLine(cells)).toBe(`${cells.map((c) => (c.startsWith('=') ? `"'${c}"` : `"${c}"`)).join(',')}\n`)
  })

  it('shows every text of digits exactly, with each separator', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^\d{1,25}$/), { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';', '\t' as const), (cells, separator) => {
        const [read] = parseCsv(csvLine(cells, { excelText: true, separator }), separator)
        expect(read!.map(shown)).toEqual(cells)
      }),
    )
  })

  it('writes a phone number in E.164 (+ and digits) as a constant formula, so Excel shows it without the formula guard’s quote', () => {
    // Zoom Phone lists are full of caller and callee numbers: Excel keeps a ' read from a CSV file
    // as part of the text, so the guard's quote would show before every one of them.
    const cells = ['+14085550012', '+1', '+', '+1 408', '+1-408', '++1408', `+${'9'.repeat(254)}`, `+${'9'.repeat(255)}`]
    const line = csvLine(cells, { excelText: true })
    expect(line).toBe(['"=""+14085550012"""', '"=""+1"""', `"'+"`, `"'+1 408"`, `"'+1-408"`, `"'++1408"`, `"=""+${'9'.repeat(254)}"""`, `"'+${'9'.repeat(255)}"`].join(',') + '\n')
    expect(csvLine(['+14085550012'])).toBe(`"'+14085550012"\n`)
    const [read] = parseCsv(csvLine(['+14085550012', '+442071234567'], { excelText: true, separator: ';' }), ';')
    expect(read!.map(shown)).toEqual(['+14085550012', '+442071234567'])
  })

  it('is what the dataset worker writes for Excel, and only for Excel', () => {
    const row = JSON.stringify({ call_id: '7009123456789012345', extension: '0012', duration: 61, caller: 'Ana' })
    const input = { format: 'csv' as const, columns: ['call_id', 'extension', 'duration', 'caller'], labels: {} }
    expect(formatRows([row], { ...input, excelValues: true }, 0)).toBe('"=""7009123456789012345""","=""0012""",61,"Ana"\n')
    expect(formatRows([row], input, 0)).toBe('"7009123456789012345","0012",61,"Ana"\n')
  })
})
