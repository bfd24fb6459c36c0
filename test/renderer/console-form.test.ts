// The console's parameter form built from an operation's parameters: kinds, choices, defaults,
// problems, and values kept in the draft's rows by name.
import { describe, expect, it } from 'vitest'
import type { ApiParam } from '../../common/zoom/api/types'
import { fieldProblem, fieldsOf, valueOf, withValue } from '../../renderer/features/console/operation-form'

const param = (p: Partial<ApiParam> & Pick<ApiParam, 'name' | 'in'>): ApiParam => ({ required: false, schema: {}, ...p })

describe('parameter form', () => {
  const fields = fieldsOf({
    params: [
      param({ name: 'userId', in: 'path', required: true, type: 'string', schema: { type: 'string' } }),
      param({ name: 'status', in: 'query', type: 'string', enum: ['active', 'inactive'], default: 'active', schema: { type: 'string' } }),
      param({ name: 'page_size', in: 'query', type: 'integer', schema: { type: 'integer', minimum: 1, maximum: 300 } }),
      param({ name: 'next_page_token', in: 'query', type: 'string', schema: { type: 'string' } }),
      param({ name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' }, type: 'string' }),
      param({ name: 'x-zm-flag', in: 'header', type: 'boolean', schema: { type: 'boolean' } }),
    ],
  })

  it('types each parameter from its schema and leaves out the paging cursor', () => {
    expect(fields.map((f) => [f.name, f.in, f.kind, f.required, f.choices, f.defaultText])).toEqual([
      ['userId', 'path', 'text', true, undefined, ''],
      ['status', 'query', 'enum', false, ['active', 'inactive'], 'active'],
      ['page_size', 'query', 'integer', false, undefined, ''],
      ['from', 'query', 'date', true, undefined, ''],
      ['x-zm-flag', 'header', 'boolean', false, ['true', 'false'], ''],
    ])
  })

  it('says what is wrong with a value', () => {
    const [, status, pageSize, from] = fields
    expect(fieldProblem(from!, '')).toBe('from is required')
    expect(fieldProblem(pageSize!, '2.5')).toBe('page_size must be a whole number')
    expect(fieldProblem(pageSize!, '500')).toBe('page_size must be at most 300')
    expect(fieldProblem(pageSize!, '30')).toBe('')
    expect(fieldProblem(status!, 'gone')).toBe('status must be one of active, inactive')
  })

  it('keeps values in the draft’s rows by name', () => {
    let rows = withValue([{ name: 'a', value: '1' }], 'status', 'active')
    expect(rows).toEqual([{ name: 'a', value: '1' }, { name: 'status', value: 'active' }])
    rows = withValue(rows, 'status', 'inactive')
    expect(valueOf(rows, 'status')).toBe('inactive')
    expect(withValue(rows, 'status', '')).toEqual([{ name: 'a', value: '1' }])
  })
})
