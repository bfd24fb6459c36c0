// A `pattern` in a copy of Zoom's API files or event files is a regular expression a planted or
// damaged file can choose: `^(a+)+$` against a long run of "a" followed by "b" takes a
// backtracking engine (JavaScript's RegExp) longer than the age of the universe, blocking main.
// Patterns are evaluated by RE2 (re2js, linear time) instead: the check answers, with the right
// result, and JavaScript's RegExp never sees the hostile input. A pattern RE2 cannot read
// (lookaround, backreference) is left unchecked rather than handed to the backtracking engine.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SchemaChecker } from '../../../main/console/schema-check'
import { checkAgainstSchema } from '../../../main/events/schemas/check-schema'
import type { JsonSchema } from '../../../common/zoom/api/types'

const HOSTILE_PATTERN = '^(a+)+$'
const HOSTILE_INPUT = `${'a'.repeat(100_000)}b`

/**
 * Watches JavaScript's RegExp: a call with the hostile input is recorded and answered at once
 * (so a backtracking check fails this test instead of hanging it); any other call goes through.
 */
function watchNativeRegExp(): { hostileCalls: () => number } {
  let hostile = 0
  const test = RegExp.prototype.test
  const exec = RegExp.prototype.exec
  vi.spyOn(RegExp.prototype, 'test').mockImplementation(function (this: RegExp, text: string) {
    if (text === HOSTILE_INPUT) return (hostile++, false)
    return test.call(this, text)
  })
  vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, text: string) {
    if (text === HOSTILE_INPUT) return (hostile++, null)
    return exec.call(this, text)
  })
  return { hostileCalls: () => hostile }
}

afterEach(() => vi.restoreAllMocks())

describe('a catastrophic-backtracking pattern from a copy of Zoom’s files', () => {
  it('the console’s schema check (ajv) answers with the mismatch, without a backtracking engine', () => {
    const watch = watchNativeRegExp()
    const schema = { type: 'object', properties: { name: { type: 'string', pattern: HOSTILE_PATTERN } } } as unknown as JsonSchema
    const issues = new SchemaChecker().check({ name: HOSTILE_INPUT }, schema)
    expect(issues).toEqual([{ path: '$.name', message: `must match pattern "${HOSTILE_PATTERN}"` }])
    expect(new SchemaChecker().check({ name: 'aaaa' }, schema)).toEqual([])
    expect(watch.hostileCalls()).toBe(0)
  })

  it('an event’s schema check answers with the mismatch, without a backtracking engine', () => {
    const watch = watchNativeRegExp()
    const schema = { type: 'object', properties: { topic: { type: 'string', pattern: HOSTILE_PATTERN } } }
    expect(checkAgainstSchema({ topic: HOSTILE_INPUT }, schema, schema)).toEqual([{ path: 'topic', message: `does not match the pattern ${HOSTILE_PATTERN}` }])
    expect(checkAgainstSchema({ topic: 'aaaa' }, schema, schema)).toEqual([])
    expect(watch.hostileCalls()).toBe(0)
  })

  it('a pattern RE2 cannot read (lookahead, backreference) is left unchecked, not run by RegExp', () => {
    const watch = watchNativeRegExp()
    for (const pattern of ['^(?=a)(a+)+$', '^(a+)\\1+$']) {
      const schema = { type: 'object', properties: { name: { type: 'string', pattern } } } as unknown as JsonSchema
      expect(new SchemaChecker().check({ name: HOSTILE_INPUT }, schema), pattern).toEqual([])
      expect(checkAgainstSchema({ name: HOSTILE_INPUT }, schema, schema), pattern).toEqual([])
    }
    expect(watch.hostileCalls()).toBe(0)
  })
})
