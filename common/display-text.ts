// Characters that change how text around them is shown rather than showing themselves: control
// characters (line breaks, tabs, escape sequences, C1 controls), the Unicode line and paragraph
// separators, and the bidirectional marks, embeddings, overrides and isolates (Unicode UAX #9).
// In text that ends up in a dialog main owns, they let one field pre-write lines or reorder what
// follows it ("Trojan Source"), so names refuse them and main escapes them wherever it quotes one.

const INVISIBLE_LAYOUT = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
const INVISIBLE_LAYOUT_ALL = new RegExp(INVISIBLE_LAYOUT.source, 'gu')

/** True when `text` holds a control, line-separator or bidi formatting character. */
export const hasLayoutCharacters = (text: string): boolean => INVISIBLE_LAYOUT.test(text)

/** Those characters written as visible escapes (`\n`, `\t`, `\u202E`), everything else as is. */
export function escapeLayoutCharacters(text: string): string {
  return text.replace(INVISIBLE_LAYOUT_ALL, (ch) => {
    if (ch === '\n') return '\\n'
    if (ch === '\r') return '\\r'
    if (ch === '\t') return '\\t'
    return `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  })
}

/** Those characters removed (for names that must not carry them, such as file names). */
export const stripLayoutCharacters = (text: string): string => text.replace(INVISIBLE_LAYOUT_ALL, '')

export const LAYOUT_CHARACTERS_MESSAGE = 'Use letters, digits, spaces and punctuation only (no line breaks, tabs or text-direction marks)'
