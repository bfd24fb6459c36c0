// A member named "__proto__" written with setOwnMember stays a member, as JSON.parse makes it.
import { expect, it } from 'vitest'
import { setOwnMember } from '../../common/own-member'

it('writes "__proto__" as an own member, leaving the prototype alone, and other names as usual', () => {
  const target: Record<string, unknown> = {}
  setOwnMember(target, '__proto__', { next_page_token: 'forged' })
  setOwnMember(target, 'users', [])
  expect(Object.getPrototypeOf(target)).toBe(Object.prototype)
  expect(target.next_page_token).toBeUndefined()
  expect(Object.keys(target)).toEqual(['__proto__', 'users'])
  expect(JSON.stringify(target)).toBe(JSON.stringify(JSON.parse('{"__proto__":{"next_page_token":"forged"},"users":[]}')))
})
