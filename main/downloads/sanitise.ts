// File and folder names from Zoom data (topics, emails) that are valid on Windows, macOS and
// Linux: no reserved or control characters, no trailing dots or spaces (Windows drops them), no
// reserved device names (CON, NUL, COM1, CONIN$…), no leading dot (hidden on Unix), no bidi
// marks (which make `Invoice\u202Egpj.exe` look like `Invoice exe.jpg`), bounded in bytes.
// Folder names also never end like a macOS bundle (a host email on the .app domain would
// otherwise make a folder Finder treats as an application).
import { stripLayoutCharacters } from '../../common/display-text'
import { isBundleName } from './safe-folder'

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const RESERVED_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i
const TRAILING_DOTS_SPACES = /[. ]+$/
const LEADING_DOTS = /^\.+/

export const DEFAULT_SEGMENT_BYTES = 120

export function sanitiseSegment(name: string, maxBytes = DEFAULT_SEGMENT_BYTES): string {
  let text = stripLayoutCharacters(name.normalize('NFC').replace(/\s+/g, ' ').replace(RESERVED_CHARS, '_')).trim()
  text = truncateUtf8(text, maxBytes).replace(TRAILING_DOTS_SPACES, '').replace(LEADING_DOTS, '_')
  if (text === '') return '_'
  return isWindowsDeviceName(text) ? `_${text}` : text
}

/**
 * Windows opens a device, not a file, when the part of a name before its first dot is a device
 * name, ignoring the spaces that end that part: `CON .txt` and `nul .mp4` are the devices too.
 */
export function isWindowsDeviceName(name: string): boolean {
  const beforeDot = name.split('.', 1)[0]!.replace(/ +$/, '')
  return WINDOWS_DEVICE.test(beforeDot)
}

/** sanitiseSegment for a folder: `company.app` becomes `company_app`. */
export function sanitiseFolderSegment(name: string, maxBytes = DEFAULT_SEGMENT_BYTES): string {
  const text = sanitiseSegment(name, maxBytes)
  if (!isBundleName(text)) return text
  const dot = text.lastIndexOf('.')
  return `${text.slice(0, dot)}_${text.slice(dot + 1)}`
}

/** Cuts to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text
  let bytes = 0
  let end = 0
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8')
    if (bytes + size > maxBytes) break
    bytes += size
    end += char.length
  }
  return text.slice(0, end)
}

/** Cuts to at most `maxLength` UTF-16 code units (what Windows counts in a path) without splitting a character. */
export function truncateChars(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  let end = 0
  for (const char of text) {
    if (end + char.length > maxLength) break
    end += char.length
  }
  return text.slice(0, end)
}
