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

const partName = z.string().min(1).max(256)

/**
 * One part of a multipart/form-data body: text the person typed, or a file they chose through
 * main's own open dialog (console.pickFile), named by the token main gave for it. The renderer
 * never names a path: a token main did not hand out is refused, so a compromised page cannot make
 * main read a file of its choosing.
 */
export const formPartSchema = z.union([
  z.object({ name: partName, value: z.string().max(100_000) }).strict(),
  z.object({ name: partName, fileToken: idSchema }).strict(),
])
export type FormPart = z.infer<typeof formPartSchema>

/** A form part as the history keeps it: a file by its name and size only (never its bytes, nor its token). */
export const historyFormPartSchema = z.union([
  z.object({ name: partName, value: z.string().max(100_000) }).strict(),
  z.object({ name: partName, fileName: z.string().max(1024), fileSize: z.number().int().nonnegative() }).strict(),
])
export type HistoryFormPart = z.infer<typeof historyFormPartSchema>

const FORM_CHARS = 1_000_000

const requestFields = {
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
}

export const consoleRequestSchema = z
  .object({
    ...requestFields,
    /** A multipart/form-data body instead of `body` (uploads): text parts and chosen files. */
    form: z
      .array(formPartSchema)
      .max(50)
      .refine((parts) => parts.reduce((n, p) => n + p.name.length + ('value' in p ? p.value.length : 0), 0) <= FORM_CHARS, `The form may have at most ${FORM_CHARS} characters in all`)
      .optional(),
  })
  .strict()
  .refine((r) => r.form === undefined || r.body === undefined || r.body.trim() === '', { path: ['form'], message: 'A request has either a JSON body or a form, not both' })
export type ConsoleRequest = z.input<typeof consoleRequestSchema>

/** A request as the history keeps it (files by name and size). */
export const historyRequestSchema = z.object({ ...requestFields, form: z.array(historyFormPartSchema).max(50).optional() }).strict()
export type HistoryRequest = z.input<typeof historyRequestSchema>

/** A file chosen in main's open dialog for a form part: the token names it in console.send. */
export interface ChosenFile {
  fileToken: string
  /** The file's base name (no folder: the page never learns where it is). */
  name: string
  size: number
}

/** An answer that is not text: main keeps its bytes (console.saveAnswer writes them), the page gets only this. */
export interface BinaryAnswer {
  answerToken: string
  contentType: string
  /** Bytes kept (all of them unless the response is `truncated`). */
  bytes: number
  /** The file name the server suggested (Content-Disposition), for the save dialog. */
  suggestedName?: string
}

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
  /** Body as text, capped; `truncated` when the cap cut it. '' for a binary answer. */
  body: string
  /** Present when the answer is binary (PDF, image, octet-stream…): never decoded as text. */
  binary?: BinaryAnswer
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
  request: HistoryRequest & { method: (typeof HTTP_METHODS)[number] }
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
  /** Main's open-file dialog for a form part; undefined when the person cancelled. */
  'console.pickFile': channel<ChosenFile | undefined>()(z.object({}).strict()),
  /** Main's save dialog for a binary answer it kept; `saved` false when the person cancelled. No path comes back. */
  'console.saveAnswer': channel<{ saved: boolean }>()(z.object({ answerToken: idSchema }).strict()),
}
