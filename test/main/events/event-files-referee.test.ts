// Our event check (main/events/schemas/check-schema.ts) held to a referee on every event type of
// Zoom's event files (../shared/zoom-openapi/webhooks): ajv, a full JSON Schema 2020-12 validator
// (OpenAPI 3.1's dialect, with ECMAScript patterns). Whatever ajv finds as documented, the app
// must not list as "not as documented" — Zoom's documented examples and payloads made from the
// schemas alike. (Ours checks fewer keywords than ajv, so the other direction is not asked.)
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkAgainstSchema } from '../../../main/events/schemas/check-schema'
import { eventSchemas } from '../../../main/events/schemas/webhook-schemas'
import { summarizeEvent } from '../../../main/events/summary'
import { schemaArbitrary } from '../../support/json-schema-arbitrary'
import { WEBHOOKS_AVAILABLE, WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'

type Json = Record<string, unknown>
interface EventType { file: string; type: string; schema: unknown; root: unknown; validate: ValidateFunction | undefined; examples: unknown[] }

/**
 * `$ref`s replaced by their targets for ajv. Zoom's files point some at `#/paths/<event>/…` while
 * the events live under `#/webhooks`; they are read there, as the app reads them.
 */
function inlineRefs(schema: unknown, root: unknown, depth = 0): unknown {
  if (depth > 48) return {}
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, root, depth + 1))
  if (schema === null || typeof schema !== 'object') return schema
  const ref = (schema as Json).$ref
  if (typeof ref === 'string') return inlineRefs(pointer(root, ref) ?? pointer(root, ref.replace(/^#\/paths\//, '#/webhooks/')) ?? {}, root, depth + 1)
  const out: Json = {}
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === 'properties' && value !== null && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, inlineRefs(v, root, depth + 1)]))
    else out[key] = key === 'enum' || key === 'required' || key === 'example' || key === 'default' ? value : inlineRefs(value, root, depth + 1)
  }
  return out
}

function pointer(root: unknown, ref: string): unknown {
  let node = root
  for (const raw of ref.slice(2).split('/')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Json)[raw.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return node
}

/** Zoom's examples are JSON text; a few (Calendar) carry `// …` remarks after a value. */
function parseExample(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value.replace(/\s\/\/[^\n"]*$/gm, '')) : value
}

/** A value as an event arrives: JSON text, parsed. */
const asReceived = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

function loadEventTypes(): EventType[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false })
  const out: EventType[] = []
  for (const file of readdirSync(WEBHOOKS_DIR).filter((n) => n.endsWith('.json')).sort()) {
    const root = JSON.parse(readFileSync(path.join(WEBHOOKS_DIR, file), 'utf8')) as { webhooks: Record<string, { post: { requestBody: { content: Record<string, { examples?: Record<string, { value?: unknown }> }> } } }> }
    for (const [type, schema] of eventSchemas(root)) {
      let validate: ValidateFunction | undefined
      // A handful of schemas are not valid JSON Schema (a `type` no validator knows): ajv cannot judge them.
      try {
        validate = ajv.compile(inlineRefs(schema, root) as Json)
      } catch {
        validate = undefined
      }
      const examples = Object.values(root.webhooks[type]?.post.requestBody.content['application/json']?.examples ?? {}).map((e) => parseExample(e.value))
      out.push({ file, type, schema, root, validate, examples })
    }
  }
  return out
}

describe.skipIf(!WEBHOOKS_AVAILABLE)(`every event type of Zoom's event files (needs ${WEBHOOKS_DIR})`, () => {
  const types = WEBHOOKS_AVAILABLE ? loadEventTypes() : []

  it('reads all 534 event types, nearly all of them valid JSON Schema', () => {
    expect(types).toHaveLength(534)
    // Ten are not (a `type` or `required` of the wrong kind): ajv cannot judge those.
    expect(types.filter((t) => t.validate === undefined).length).toBeLessThanOrEqual(10)
  })

  it('finds nothing to report in a documented example that the schema accepts, and summarises each one', () => {
    let judged = 0
    for (const t of types) {
      for (const example of t.examples) {
        expect(typeof summarizeEvent(example)).toBe('string')
        if (!t.validate?.(example)) continue
        judged++
        expect({ type: t.type, issues: checkAgainstSchema(example, t.schema, t.root) }).toEqual({ type: t.type, issues: [] })
      }
    }
    // About a fifth of Zoom's examples contradict their own schema; the rest must pass.
    expect(judged).toBeGreaterThan(400)
  })

  it('finds nothing to report in a payload made from the schema that the schema accepts', () => {
    const judged = types.filter((t) => t.validate !== undefined)
    const byType = new Map(judged.map((t) => [t.type, { ...t, arbitrary: schemaArbitrary(inlineRefs(t.schema, t.root)).map(asReceived) }]))
    fc.assert(
      fc.property(fc.constantFrom(...byType.keys()).chain((type) => fc.tuple(fc.constant(type), byType.get(type)!.arbitrary)), ([type, payload]) => {
        const t = byType.get(type)!
        fc.pre(t.validate!(payload))
        expect(typeof summarizeEvent(payload)).toBe('string')
        expect(checkAgainstSchema(payload, t.schema, t.root)).toEqual([])
      }),
      { numRuns: 3000, seed: 20 },
    )
  }, 60_000)
})
