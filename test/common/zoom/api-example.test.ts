// The console's starting body: Zoom's example, or one built from the request schema.
import { describe, expect, it } from 'vitest'
import { exampleFromSchema, startingBody } from '../../../common/zoom/api/example'

describe('starting body', () => {
  it('is Zoom’s example when the file gives one (also as JSON text)', () => {
    expect(startingBody({ example: { topic: 'x' } })).toBe('{\n  "topic": "x"\n}')
    expect(startingBody({ example: '{"a":1}' })).toBe('{\n  "a": 1\n}')
    expect(startingBody(undefined)).toBe('')
  })

  it('is built from the schema otherwise: property examples, defaults, first enum value, typed placeholders; only required properties when some are', () => {
    const schema = {
      type: 'object',
      required: ['topic', 'settings', 'when', 'count'],
      properties: {
        topic: { type: 'string', example: 'Sync' },
        settings: { type: 'object', properties: { audio: { type: 'string', enum: ['both', 'voip'] }, mute: { type: 'boolean', default: true } } },
        when: { type: 'string', format: 'date-time' },
        count: { type: 'integer', minimum: 1 },
        optional: { type: 'string', example: 'left out' },
      },
    }
    expect(exampleFromSchema(schema)).toEqual({ topic: 'Sync', settings: { audio: 'both', mute: true }, when: '2026-01-01T09:00:00Z', count: 1 })
    expect(exampleFromSchema({ allOf: [{ properties: { a: { type: 'array', items: { type: 'number' } } } }] })).toEqual({ a: [0] })
  })
})
