// The `pattern` keywords of Zoom's API and event files, evaluated in linear time. Those files are
// copies kept in the data folder, and anything there may have been planted: a pattern such as
// `^(a+)+$` makes a backtracking engine (JavaScript's RegExp) take exponential time on a long
// value of a response or an event, blocking main's event loop. RE2 (re2js, a pure-JavaScript port
// of Google's RE2) matches in time linear in the input whatever the pattern, and reads the
// syntax Zoom's patterns use (classes, anchors, quantifiers, groups, alternation). What RE2
// refuses — lookaround and backreferences, which no linear-time engine can do — is not checked.
//
// Why an engine rather than a static check (safe-regex2, recheck): a static check guesses which
// patterns are dangerous and either misses some or refuses harmless ones, and recheck's complete
// analysis is a large runtime of its own; bounding the input's length still leaves exponential
// time within the bound. With RE2 every pattern RE2 reads is checked, and none can be slow.
import { RE2JS } from 're2js'
import { re2Source } from './ecma-pattern'

/** What a schema check needs of a compiled pattern: does it match anywhere in the text (as RegExp.test). */
export interface LinearPattern {
  test(text: string): boolean
  /** The pattern's source, so two patterns are never taken for one (ajv keys compiled patterns by it). */
  toString(): string
}

/** The pattern compiled by RE2, with ECMAScript's meaning (ecma-pattern.ts); throws on a pattern RE2 cannot read. */
export function compileLinearPattern(pattern: string): LinearPattern {
  const compiled = RE2JS.compile(re2Source(pattern))
  return { test: (text) => compiled.matcher(text).find(), toString: () => `/${pattern}/` }
}

/** The compiled pattern, or undefined when RE2 cannot read it (then it is not checked). */
export function linearPatternOrUndefined(pattern: string): LinearPattern | undefined {
  try {
    return compileLinearPattern(pattern)
  } catch {
    return undefined
  }
}
