// The name main's save dialog offers for a binary answer, from the server's Content-Disposition.
// Node hands header values over as Latin-1, one character per byte, so a name the server wrote in
// UTF-8 arrives as mojibake unless it is read back as UTF-8; RFC 6266 §4.3 says the `filename*`
// form (RFC 8187, percent-encoded UTF-8) is the one to use when both are given. The name is text
// main shows in its own dialog (DESIGN.md: names refuse control and bidi characters) and a file
// name on every OS (no Windows device names).
import { describe, expect, it } from 'vitest'
import { suggestedNameOf } from '../../../main/console/binary-answers'

/** A header value as Node gives it: the UTF-8 bytes the server sent, one Latin-1 character each. */
const asReceived = (text: string) => Buffer.from(text, 'utf8').toString('latin1')

describe('the name offered for saving a binary answer', () => {
  it('reads filename* (RFC 8187), and prefers it to filename', () => {
    expect(suggestedNameOf("attachment; filename*=UTF-8''R%C3%A9union%20notes.pdf")).toBe('Réunion notes.pdf')
    expect(suggestedNameOf(`attachment; filename="Reunion.pdf"; filename*=UTF-8''R%C3%A9union.pdf`)).toBe('Réunion.pdf')
  })

  it('reads a filename written in UTF-8 as UTF-8, not as one character per byte', () => {
    expect(suggestedNameOf(asReceived('attachment; filename="Réunion – 5 mai.mp4"'))).toBe('Réunion – 5 mai.mp4')
    // Bytes that are not UTF-8 stay Latin-1, as they came.
    expect(suggestedNameOf('attachment; filename="caf\u00e9.pdf"')).toBe('café.pdf')
  })

  it('offers no name with a control character of either range or a text-direction mark', () => {
    expect(suggestedNameOf('attachment; filename="inv\u0085oice.pdf"')).toBeUndefined()
    expect(suggestedNameOf("attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe")).toBeUndefined()
    expect(suggestedNameOf(asReceived('attachment; filename="invoice\u202Efdp.exe"'))).toBeUndefined()
    expect(suggestedNameOf("attachment; filename*=UTF-8''a%0Ab.pdf")).toBeUndefined()
  })

  it('never offers a Windows device name or a name Windows would change', () => {
    expect(suggestedNameOf('attachment; filename="CON.pdf"')).toBe('_CON.pdf')
    expect(suggestedNameOf('attachment; filename="nul .mp4"')).toBe('_nul .mp4')
    expect(suggestedNameOf('attachment; filename="report.pdf. "')).toBe('report.pdf')
    expect(suggestedNameOf('attachment; filename="a:b*c?.pdf"')).toBe('a_b_c_.pdf')
  })

  it('keeps what it did: a base name only, no hidden file, nothing for nothing', () => {
    expect(suggestedNameOf('attachment; filename="../invoice-7.pdf"')).toBe('invoice-7.pdf')
    expect(suggestedNameOf('attachment; filename="..\\..\\x.pdf"')).toBe('x.pdf')
    expect(suggestedNameOf("attachment; filename*=UTF-8''..%2F..%2Fx.pdf")).toBe('x.pdf')
    expect(suggestedNameOf('attachment; filename=".bashrc"')).toBeUndefined()
    expect(suggestedNameOf('attachment')).toBeUndefined()
    expect(suggestedNameOf(undefined)).toBeUndefined()
  })
})
