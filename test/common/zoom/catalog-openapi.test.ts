// The catalog cannot drift from Zoom: every resource's path, page-size limit, rate-limit label,
// scopes, parameters and list key are checked against Zoom's OpenAPI files, read at test time.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ALL_RESOURCES } from '../../../common/zoom/catalog'
import type { Resource } from '../../../common/zoom/catalog'

const SPEC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/zoom-openapi')
const SPEC_FILES = ['Users.json', 'Meetings.json', 'Phone.json']
const present = SPEC_FILES.every((f) => existsSync(resolve(SPEC_DIR, f)))

interface Schema {
  type?: string
  maximum?: number
  enum?: unknown[]
  properties?: Record<string, Schema>
  allOf?: Schema[]
  items?: Schema
}
interface Parameter {
  name: string
  in: string
  schema?: Schema
}
interface Operation {
  description?: string
  parameters?: Parameter[]
  security?: Record<string, string[]>[]
  'x-extensions'?: { 'x-macro-scopes'?: string[]; 'x-granular-scopes'?: string[] }
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>
}
type Spec = { paths: Record<string, { get?: Operation }> }

const specs: [string, Spec][] = present ? SPEC_FILES.map((f) => [f, JSON.parse(readFileSync(resolve(SPEC_DIR, f), 'utf8')) as Spec]) : []

function operation(resource: Resource): { file: string; op: Operation } | undefined {
  for (const [file, spec] of specs) {
    const op = spec.paths[resource.path]?.get
    if (op) return { file, op }
  }
  return undefined
}

function properties(schema: Schema | undefined): Record<string, Schema> {
  if (!schema) return {}
  return Object.assign({}, schema.properties, ...(schema.allOf ?? []).map(properties))
}

const LABELS: Record<string, Resource['category']> = { LIGHT: 'light', MEDIUM: 'medium', HEAVY: 'heavy', 'RESOURCE-INTENSIVE': 'resource-intensive' }

describe.skipIf(!present)('the catalog matches Zoom’s OpenAPI files', () => {
  it.each(ALL_RESOURCES.map((r) => [r.id, r] as const))('%s', (_id, resource) => {
    const found = operation(resource)
    expect(found, `${resource.path} is not a GET in ${SPEC_FILES.join(', ')}`).toBeDefined()
    const { file, op } = found!
    expect(file === 'Phone.json').toBe(resource.family === 'phone')

    const label = /Rate Limit Label[^`]*`([A-Z-]+)`/i.exec(op.description ?? '')?.[1]
    expect(label && LABELS[label.toUpperCase()]).toBe(resource.category)

    const accepted = new Set(op.security?.flatMap((s) => s.openapi_oauth ?? []))
    expect(new Set([...resource.scopes.classic, ...resource.scopes.granular])).toEqual(accepted)
    const ext = op['x-extensions'] ?? {}
    for (const s of resource.scopes.classic) expect(ext['x-macro-scopes']).toContain(s)
    for (const s of resource.scopes.granular) expect(ext['x-granular-scopes']).toContain(s)

    const params = new Map((op.parameters ?? []).map((p) => [p.name, p]))
    for (const spec of resource.params) {
      const p = params.get(spec.name)
      expect(p, `parameter ${spec.name}`).toBeDefined()
      expect(p?.in).toBe('query')
      // An array parameter (call history's directions, call_results) lists its values on its items.
      const allowed = p?.schema?.enum ?? p?.schema?.items?.enum
      if (spec.type === 'enum' && allowed) for (const v of spec.values ?? []) expect(allowed).toContain(v)
    }

    if (resource.kind === 'list') {
      expect(params.get('page_size')?.schema?.maximum).toBe(resource.maxPageSize)
      const body = properties(op.responses?.['200']?.content?.['application/json']?.schema)
      // List webinars declares only page_number as a parameter but answers with next_page_token.
      expect('next_page_token' in body).toBe(resource.paginated)
      for (const key of [resource.listKey, ...(resource.altListKeys ?? [])]) expect(body[key]?.type, `list key ${key}`).toBe('array')
    } else {
      expect(params.get(resource.idParam)?.in).toBe('path')
    }
  })
})

if (!present) it.skip(`catalog vs OpenAPI skipped: Zoom's OpenAPI files are not at ${SPEC_DIR}`, () => {})
