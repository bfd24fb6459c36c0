// JSON Schema's `pattern` is an ECMAScript regular expression (ajv compiles it with the u flag),
// while RE2 reads its own syntax: most of it is written the same and means the same, but not all.
// RE2's `\s` is ASCII whitespace only ([\t\n\f\r ]: no vertical tab, no-break space, U+2028 or
// BOM) and its `.` stops only at \n, where ECMAScript's also stops at \r, U+2028 and U+2029; RE2
// has no `\uXXXX` escape at all. So a value ECMAScript accepts could fail the check, or the
// reverse. This rewrites those constructs into RE2 classes with ECMAScript's meaning
// (ECMA-262 WhiteSpace and LineTerminator); everything else is passed through unchanged.

/** ECMAScript's \s: WhiteSpace and LineTerminator code points, written for inside an RE2 class. */
const SPACE = '\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}'
/** ECMAScript's \S: every other code point, for inside a class (where [^…] cannot nest). */
const NOT_SPACE = '\\x{0}-\\x{8}\\x{e}-\\x{1f}\\x{21}-\\x{9f}\\x{a1}-\\x{167f}\\x{1681}-\\x{1fff}\\x{200b}-\\x{2027}\\x{202a}-\\x{202e}\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{fefe}\\x{ff00}-\\x{10ffff}'
/** ECMAScript's `.` without the s flag: anything but a line terminator. */
const ANY_BUT_LINE_END = '[^\\n\\r\\x{2028}\\x{2029}]'

/** The RE2 source that matches what `new RegExp(pattern, 'u')` matches. */
export function re2Source(pattern: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1] as string
      i++
      if (next === 's') out += inClass ? SPACE : `[${SPACE}]`
      else if (next === 'S') out += inClass ? NOT_SPACE : `[^${SPACE}]`
      else if (next === 'u') {
        // \u{…} (u flag) and \uXXXX are RE2's \x{…}; anything else is left for RE2 to refuse.
        const braced = /^\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(i + 1))
        const four = /^[0-9A-Fa-f]{4}/.exec(pattern.slice(i + 1))
        if (braced) {
          out += `\\x{${braced[1]}}`
          i += braced[0].length
        } else if (four) {
          out += `\\x{${four[0]}}`
          i += 4
        } else out += '\\u'
      } else out += `\\${next}`
    } else if (inClass) {
      if (c === ']') inClass = false
      out += c
    } else if (c === '[') {
      inClass = true
      out += c
    } else if (c === '.') out += ANY_BUT_LINE_END
    else out += c
  }
  return out
}
