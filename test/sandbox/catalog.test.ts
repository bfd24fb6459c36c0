// The sandbox's operation table must say what Zoom's OpenAPI files say: same operation, same
// accepted scopes, same rate-limit label, same page-size maximum.
import { describe, expect, it } from 'vitest'
import { OPERATIONS } from './api/catalog'
import { findOperation, OPENAPI_AVAILABLE, OPENAPI_DIR, rateLimitLabel } from './openapi'

const LABELS: Record<string, string> = { light: 'LIGHT', medium: 'MEDIUM', heavy: 'HEAVY', 'resource-intensive': 'RESOURCE-INTENSIVE' }

const title = OPENAPI_AVAILABLE
  ? `operation catalog matches Zoom's OpenAPI files in ${OPENAPI_DIR}`
  : `operation catalog check skipped: Zoom's OpenAPI files are not in ${OPENAPI_DIR}`

describe.skipIf(!OPENAPI_AVAILABLE)(title, () => {
  for (const op of OPERATIONS.filter((o) => o.documentedAt === undefined)) {
    it(`${op.spec} ${(op.method ?? 'get').toUpperCase()} ${op.path}`, () => {
      const spec = findOperation(op.spec, op.path, op.method ?? 'get')
      expect(spec, 'operation exists').toBeDefined()
      expect(spec!.operationId).toBe(op.id)
      const scopes = spec!.security?.flatMap((s) => s.openapi_oauth ?? []) ?? []
      expect([...op.scopes].sort()).toEqual([...scopes].sort())
      expect(rateLimitLabel(spec!)).toBe(LABELS[op.category])
      const max = spec!.parameters?.find((p) => p.name === 'page_size')?.schema?.maximum
      expect(op.maxPageSize).toBe(max)
    })
  }

  // An operation said to be documented elsewhere must really be missing from the files; once Zoom
  // adds it there, it is checked like the others.
  for (const op of OPERATIONS.filter((o) => o.documentedAt !== undefined)) {
    it(`${op.spec} ${(op.method ?? 'get').toUpperCase()} ${op.path} is not in the files (documented at ${op.documentedAt})`, () => {
      expect(findOperation(op.spec, op.path, op.method ?? 'get')).toBeUndefined()
    })
  }
})
