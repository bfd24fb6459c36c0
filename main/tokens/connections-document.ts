// connections.json: what is known about each profile's connection without decrypting anything
// (expiry, scopes, api_url, a grant that ended, the last validation), so statuses survive a
// restart and the UI never needs the vault to show them. Never holds a token.
import { z } from 'zod'
import { ERROR_CODES } from '../../common/errors'
import { GRANTS } from '../../common/profile'
import { openDocument, type DocumentFile, type DocumentProblem } from '../store'

const bridgeErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string().max(2000),
  details: z
    .object({
      httpStatus: z.number().optional(),
      zoomCode: z.union([z.number(), z.string()]).optional(),
      zoomMessage: z.string().optional(),
      trackingId: z.string().optional(),
      retryAfterMs: z.number().optional(),
      acceptedScopes: z.array(z.string()).optional(),
    })
    .optional(),
})

const validationSchema = z.object({
  ok: z.boolean(),
  at: z.string(),
  url: z.string(),
  httpStatus: z.number().optional(),
  latencyMs: z.number(),
  identity: z.object({ id: z.string().optional(), email: z.string().optional(), displayName: z.string().optional(), accountId: z.string().optional() }).optional(),
  error: bridgeErrorSchema.optional(),
})

export const connectionRecordSchema = z.object({
  grant: z.enum(GRANTS),
  connectedAt: z.number().optional(),
  lastRefreshAt: z.number().optional(),
  obtainedAt: z.number().optional(),
  expiresAt: z.number().optional(),
  grantedScopes: z.array(z.string()).default([]),
  apiUrl: z.string().optional(),
  hasRefreshToken: z.boolean().default(false),
  /** Set when Zoom ended the grant (invalid_grant): the person must connect again. */
  grantEnded: bridgeErrorSchema.optional(),
  lastValidation: validationSchema.optional(),
})
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>

export const connectionsDocumentSchema = z.object({ connections: z.record(z.string(), connectionRecordSchema) })
export type ConnectionsDocument = z.infer<typeof connectionsDocumentSchema>

export const CONNECTIONS_FILE = 'connections.json'

export function openConnectionsDocument(dir: string, onProblem?: (problem: DocumentProblem) => void): Promise<DocumentFile<ConnectionsDocument>> {
  return openDocument({
    dir,
    name: CONNECTIONS_FILE,
    schema: connectionsDocumentSchema,
    defaults: () => ({ connections: {} }),
    version: 1,
    ...(onProblem ? { onProblem } : {}),
  })
}
