import { z } from 'zod'
import type { BridgeError } from '../errors'
import type { SchemaIssue } from './events-subscription'
import { withinTotalChars } from './bounded'
import { channel, idSchema } from './define'

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/** What HTTP servers accept in practice (Node and nginx refuse header blocks over 16 KB; URLs over 8 KB are commonly refused). */
const QUERY_CHARS = 16_000
const HEADER_CHARS = 16_000

const headerName = z.string().min(1).max(256).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Not a valid header name')

export const consoleRequestSchema = z
  .object({
    profileId: idSchema,
    method: z.enum(HTTP_METHODS),
    /** A path relative to the API base (`/users/me`, `/v2/users/me`) or an absolute URL within the allowed domains. */
    url: z.string().trim().min(1).max(4096),
    query: z
      .array(z.object({ name: z.string().min(1).max(256), value: z.string().max(4096) }).strict())
      .max(100)
      .refine(withinTotalChars(QUERY_CHARS), `The query may have at most ${QUERY_CHARS} characters in all`)
      .default([]),
    headers: z
      .array(z.object({ name: headerName, value: z.string().max(8192) }).strict())
      .max(100)
      .refine(withinTotalChars(HEADER_CHARS), `The headers may have at most ${HEADER_CHARS} characters in all`)
      .default([]),
    /** Raw JSON text; parsed in main so the bridge never carries deeply nested objects. */
    body: z.string().max(1_000_000).optional(),
    /** Values for `{name}` placeholders in the path (`/users/{userId}/meetings`); a placeholder left empty is refused. */
    pathParams: z.array(z.object({ name: z.string().min(1).max(64).regex(/^[A-Za-z0-9_]+$/), value: z.string().max(1024) }).strict()).max(20).optional(),
    /** "Next page": sent as next_page_token (the previous response's `nextPageToken`). */
    nextPageToken: z.string().min(1).max(4096).optional(),
  })
  .strict()
export type ConsoleRequest = z.input<typeof consoleRequestSchema>

/** An operation of Zoom's API files, named by its method and path template. */
export interface OperationRef {
  method: (typeof HTTP_METHODS)[number]
  path: string
}

/** A request body compared with the operation's request schema (by JSON path: `$.settings.topic`). */
export interface BodySchemaCheck {
  /** Absent when Zoom's files do not describe the request. */
  operation?: OperationRef
  /** False when there was nothing to check against (then `note` says why). */
  checked: boolean
  issues: SchemaIssue[]
  note?: string
}

/** A response compared with the operation's documented success answer. */
export type ResponseSchemaCheck = BodySchemaCheck & { operation: OperationRef }

export interface ConsoleResponse {
  status: number
  statusText: string
  headers: [string, string][]
  durationMs: number
  trackingId?: string
  /** Body as text, capped; `truncated` when the cap cut it. */
  body: string
  bodyBytes: number
  truncated: boolean
  contentType?: string
  /** Zoom's next_page_token from the body, when there is a next page. */
  nextPageToken?: string
  error?: BridgeError
  /** Present when the request is an operation Zoom's files describe. */
  schemaCheck?: ResponseSchemaCheck
}

export interface HistoryEntry {
  id: string
  at: number
  request: ConsoleRequest & { method: (typeof HTTP_METHODS)[number] }
  status?: number
  durationMs?: number
  error?: string
}

export const consoleCheckBodySchema = z
  .object({
    method: z.enum(HTTP_METHODS),
    /** A path template (`/users/{userId}`), a filled path or an absolute URL, as typed. */
    url: z.string().trim().min(1).max(4096),
    body: z.string().max(1_000_000),
  })
  .strict()

export const consoleChannels = {
  'console.send': channel<ConsoleResponse>()(consoleRequestSchema),
  'console.history': channel<HistoryEntry[]>()(z.object({ profileId: idSchema.optional() }).strict()),
  'console.clearHistory': channel<void>()(z.object({ profileId: idSchema.optional() }).strict()),
  /** The body against the request schema of the operation the method and path are (advice: sending stays possible). */
  'console.checkBody': channel<BodySchemaCheck>()(consoleCheckBodySchema),
}
