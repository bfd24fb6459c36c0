// The OpenAPI → JSON Schema conversion used by the conformance test must itself be right,
// or a lenient validator would pass anything.
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { toJsonSchema } from './openapi'

function compile(schema: unknown, closed: boolean) {
  const ajv = new Ajv({ strict: false })
  ajv.addSchema({ $id: 'doc.json', components: toJsonSchema({ schemas: { Id: { type: 'string', nullable: true } } }, 'doc.json', closed) })
  return ajv.compile(toJsonSchema(schema, 'doc.json', closed) as object)
}

describe('toJsonSchema', () => {
  it('turns nullable into a null-allowing type, and resolves $ref into the document', () => {
    const validate = compile({ type: 'object', properties: { id: { $ref: '#/components/schemas/Id' }, n: { type: 'integer', nullable: true } } }, false)
    expect(validate({ id: null, n: null })).toBe(true)
    expect(validate({ id: 3 })).toBe(false)
  })

  it('closed schemas reject undeclared fields, also through nested allOf', () => {
    const schema = { allOf: [{ allOf: [{ type: 'object', properties: { a: { type: 'string' } } }] }, { type: 'object', required: ['b'], properties: { b: { type: 'integer' } } }] }
    const validate = compile(schema, true)
    expect(validate({ a: 'x', b: 1 })).toBe(true)
    expect(validate({ a: 'x' })).toBe(false)
    expect(validate({ a: 'x', b: 1, c: true })).toBe(false)
    expect(compile(schema, false)({ a: 'x', b: 1, c: true })).toBe(true)
  })

  it("closed schemas keep a node's own properties beside its allOf and its oneOf, and declare what they require", () => {
    const beside = compile({ type: 'object', properties: { own: { type: 'boolean' } }, allOf: [{ type: 'object', properties: { part: { type: 'integer' } } }] }, true)
    expect(beside({ own: true, part: 1 })).toBe(true)
    expect(beside({ own: true, part: 1, other: 1 })).toBe(false)
    const alternatives = compile({ type: 'object', properties: { shared: { type: 'string' } }, oneOf: [{ type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }, { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'] }] }, true)
    expect(alternatives({ shared: 'x', a: 1 })).toBe(true)
    expect(alternatives({ shared: 'x', c: 1 })).toBe(false)
    const misnamed = compile({ type: 'object', required: ['end_date'], properties: { campaign_end_date: { type: 'string' } } }, true)
    expect(misnamed({ end_date: 'x', campaign_end_date: 'y' })).toBe(true)
    expect(misnamed({ campaign_end_date: 'y' })).toBe(false)
  })

  it('reads capitalised type names as JSON Schema types', () => {
    const validate = compile({ type: 'object', properties: { n: { type: 'Integer' } } }, false)
    expect(validate({ n: 3 })).toBe(true)
    expect(validate({ n: 'three' })).toBe(false)
  })
})
