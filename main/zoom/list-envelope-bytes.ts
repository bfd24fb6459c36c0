// A list page's envelope read from the answer's bytes, without parsing its rows. A crawl hands
// the bytes of each page to the dataset worker, which parses and stores the rows; main needs only
// the paging fields (next_page_token, total_records, page_count, …) to ask for the next page. Parsing
// a 300-row page on main made megabytes of short-lived objects per page, and the collector's pauses
// for them blocked main's event loop for tens of milliseconds during a crawl.
//
// The scan walks the top-level object only: each member's key, and the extent of its value
// (strings skipped by their quotes and escapes, arrays and objects by their depth). Values of the
// list's keys are not read, only where each row starts and ends; every other member is parsed
// (they are small: tokens, counts, dates). The worker parses each row from its own bytes, so what
// the scan does not check (the inside of a row) is checked there.
import { AppError } from '../../common/errors'
import { notAListMessage, NOT_AN_OBJECT_MESSAGE } from './list-envelope'
import { setOwnMember } from '../../common/own-member'

export interface ScannedListPage {
  /** The page's members other than the list keys, parsed. */
  envelope: Record<string, unknown>
  /** The list key the rows are under (the first of the keys present and not null); undefined: no rows. */
  listKey: string | undefined
  /** Rows under that key. */
  rows: number
  /** Where each row's bytes start and end: offsets [start, end) in pairs, so each row can be read alone. */
  bounds: Uint32Array
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

const decoder = new TextDecoder()

/**
 * Deeper than any Zoom answer nests, and far below what JSON.stringify can write again on a
 * thread's stack (a few thousand levels): JSON.parse reads any depth, so a row nested deeper would
 * be stored, and then break every read that writes its cells (the grid, sorts, exports).
 */
const MAX_NESTING = 512

const invalid = (what: string) => new AppError('ZOOM_RESPONSE_INVALID', `Zoom's answer to a list request is not valid JSON (${what}).`)

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

function skipSpace(bytes: Uint8Array, i: number): number {
  while (isSpace(bytes[i])) i++
  return i
}

/** `i` at an opening quote: the index after its closing quote. */
function skipString(bytes: Uint8Array, i: number): number {
  for (let at = i + 1; ; ) {
    const quote = bytes.indexOf(QUOTE, at)
    if (quote < 0) throw invalid('a string is not closed')
    // A quote preceded by an odd number of backslashes is escaped.
    let backslashes = 0
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return quote + 1
    at = quote + 1
  }
}

/** `i` at `[` or `{`: the index after its matching close. */
function skipNested(bytes: Uint8Array, i: number): number {
  let depth = 0
  for (let at = i; at < bytes.length; ) {
    const c = bytes[at]!
    if (c === QUOTE) {
      at = skipString(bytes, at)
      continue
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_NESTING) throw invalid('values are nested too deeply')
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return at + 1
    at++
  }
  throw invalid('an array or object is not closed')
}

/**
 * `i` at a list's `[`: the index after its `]`, and where each of its values starts and ends (byte
 * offsets, pairs in `bounds`), so each row can be read alone. Commas must separate values.
 */
function scanList(bytes: Uint8Array, i: number, bounds: number[]): number {
  let at = skipSpace(bytes, i + 1)
  if (bytes[at] === CLOSE_BRACKET) return at + 1
  for (;;) {
    if (at >= bytes.length) throw invalid('a list is not closed')
    const c = bytes[at]!
    if (c === COMMA || c === CLOSE_BRACKET) throw invalid('a list has an empty value')
    const start = at
    at = skipValue(bytes, at)
    bounds.push(start, at)
    at = skipSpace(bytes, at)
    if (bytes[at] === COMMA) at = skipSpace(bytes, at + 1)
    else if (bytes[at] === CLOSE_BRACKET) return at + 1
    else throw invalid('values of a list are not separated by commas')
  }
}

/** A number, true, false or null: the index after it (its next delimiter). */
function skipScalar(bytes: Uint8Array, i: number): number {
  let at = i
  while (at < bytes.length && bytes[at] !== COMMA && bytes[at] !== CLOSE_BRACE && bytes[at] !== CLOSE_BRACKET && !isSpace(bytes[at])) at++
  if (at === i) throw invalid('a value is missing')
  return at
}

/** `i` at a value's first byte: the index after it. */
function skipValue(bytes: Uint8Array, i: number): number {
  const c = bytes[i]
  if (c === QUOTE) return skipString(bytes, i)
  if (c === OPEN_BRACKET || c === OPEN_BRACE) return skipNested(bytes, i)
  return skipScalar(bytes, i)
}

function parseSlice(bytes: Uint8Array, start: number, end: number): unknown {
  try {
    return JSON.parse(decoder.decode(bytes.subarray(start, end)))
  } catch {
    throw invalid('a member cannot be read')
  }
}

/**
 * The envelope of a list page from its bytes; the same reading as readListEnvelope gives of the
 * parsed page (a member given twice counts as JSON.parse counts it: the last one), with the same
 * ZOOM_RESPONSE_INVALID for an answer that is not an object or whose list key is not a list.
 */
export function scanListEnvelope(bytes: Uint8Array, keys: readonly string[]): ScannedListPage {
  const lists = new Map<string, number[] | null | 'not a list'>()
  const envelope: Record<string, unknown> = {}
  // TextDecoder drops a byte-order mark; so does the scan.
  let i = skipSpace(bytes, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0)
  if (bytes[i] !== OPEN_BRACE) throw new AppError('ZOOM_RESPONSE_INVALID', NOT_AN_OBJECT_MESSAGE)
  i = skipSpace(bytes, i + 1)
  if (bytes[i] === CLOSE_BRACE) i++
  else {
    for (;;) {
      if (bytes[i] !== QUOTE) throw invalid('a member has no name')
      const keyEnd = skipString(bytes, i)
      const key = parseSlice(bytes, i, keyEnd) as string
      i = skipSpace(bytes, keyEnd)
      if (bytes[i] !== COLON) throw invalid('a member has no value')
      i = skipSpace(bytes, i + 1)
      let end: number
      if (keys.includes(key)) {
        if (bytes[i] === OPEN_BRACKET) {
          const bounds: number[] = []
          end = scanList(bytes, i, bounds)
          lists.set(key, bounds)
        } else {
          end = skipValue(bytes, i)
          const isNull = end - i === 4 && decoder.decode(bytes.subarray(i, end)) === 'null'
          lists.set(key, isNull ? null : 'not a list')
        }
      } else {
        end = skipValue(bytes, i)
        setOwnMember(envelope, key, parseSlice(bytes, i, end))
      }
      i = skipSpace(bytes, end)
      if (bytes[i] === COMMA) {
        i = skipSpace(bytes, i + 1)
        continue
      }
      if (bytes[i] === CLOSE_BRACE) {
        i++
        break
      }
      throw invalid('members are not separated by commas')
    }
  }
  if (skipSpace(bytes, i) !== bytes.length) throw invalid('something follows the object')
  const listKey = keys.find((key) => lists.get(key) !== undefined && lists.get(key) !== null)
  if (listKey === undefined) return { envelope, listKey: undefined, rows: 0, bounds: new Uint32Array(0) }
  const bounds = lists.get(listKey)
  if (!Array.isArray(bounds)) throw new AppError('ZOOM_RESPONSE_INVALID', notAListMessage(listKey))
  return { envelope, listKey, rows: bounds.length / 2, bounds: Uint32Array.from(bounds) }
}
