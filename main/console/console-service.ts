// The request console: sends any Zoom API request with the profile's credential and records it
// (without credentials) in the history.
//
// Decisions:
// - URL: a path relative to the API base (`/users/me`, `/v2/users/me`) or an absolute URL, which
//   must be within the profile's allowed domains (refused before connecting otherwise).
// - Body: JSON, parsed here in main; text that is not JSON is a VALIDATION error naming the
//   position. GET/HEAD-like requests cannot carry one. Content-Type defaults to application/json.
//   Or a multipart form (uploads): text parts, and files the person chose in main's own dialog,
//   named by the token main gave (chosen-files.ts); a token main never gave is VALIDATION.
// - Host: an operation Zoom serves from another host (uploads on fileapi.zoom.us) is sent there
//   (operation-server.ts), within the connection's allowed domains like any URL.
// - Binary answers (PDF, images, octet-stream) are never decoded: main keeps the bytes, the page
//   gets their size and type, and "Save…" writes them through main's save dialog (binary-answers.ts).
// - Authorization: the person MAY set their own header (to try another token, or none at all
//   with an empty value); it is sent instead of the profile's token, never refreshed, and never
//   stored. Headers that would break HTTP framing (Host, Content-Length, …) are refused.
// - No automatic retries: the console shows exactly what Zoom answered. The only exception is the
//   one retry after a 401/124 token refresh for the profile's own token (Zoom did nothing).
// - In flight: at most MAX_CONSOLE_IN_FLIGHT requests at once; one more rejects with CONFLICT
//   (nothing sent, nothing recorded), so a page cannot make main hold answers without end.
// - Outcome: invalid input rejects with VALIDATION (nothing sent, nothing recorded); every other
//   failure (domain not allowed, not connected, network, timeout, cancelled) comes back as a
//   response with status 0 and `error`, and is recorded.
import type { BodySchemaCheck, ConsoleResponse, HistoryEntry } from '../../common/contract/console'
import type { ApiMethod } from '../../common/zoom/api/types'
import { AppError, isAppError, type FieldIssue } from '../../common/errors'
import type { Logger } from '../log/logger'
import { redact } from '../log/redact'
import type { Clock } from '../ports'
import type { ZoomClient } from '../zoom/client'
import { toZoomError } from '../zoom/errors'
import type { BinaryAnswers } from './binary-answers'
import type { ChosenFiles } from './chosen-files'
import type { ConsoleHistory, StoredHistoryEntry } from './history'
import { buildFormData } from './multipart'
import type { OperationSchemas } from './operation-schemas'
import { urlOnDocumentedServer } from './operation-server'
import { fillPathParams, nextPageTokenOf, withPageToken } from './request-path'
import { sanitizeForHistory, type ParsedConsoleRequest } from './sanitize'

export const MAX_RESPONSE_BODY = 2 * 1024 * 1024

/**
 * Console requests main carries at once. Each holds up to MAX_RESPONSE_BODY until its answer is
 * complete, and the page need not wait for one answer to send the next: without a bound, a page
 * sending thousands (to a large or slow answer) would hold gigabytes in main. A person sends one
 * at a time; a few more leave room for "Next page" and a second tab.
 */
export const MAX_CONSOLE_IN_FLIGHT = 8

/** Names the HTTP layer owns; letting the person set them would corrupt the request. */
const FORBIDDEN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'keep-alive', 'te', 'trailer', 'expect'])

export interface ConsoleDeps {
  clients: { forProfile(profileId: string): ZoomClient }
  history: ConsoleHistory
  clock?: Clock
  log?: Logger
  newId?: () => string
  maxResponseBytes?: number
  /** Zoom's documented operations: a response of one is checked against its schema, and sent to the host Zoom documents for it. */
  schemas?: OperationSchemas
  /** Files chosen for forms (uploads); without it a form with a file part is refused. */
  files?: ChosenFiles
  /** Where binary answers are kept for saving; without it they are shown by size only. */
  answers?: BinaryAnswers
}

/**
 * What an HTTP header value may hold (Node's own check, RFC 9110 field-value): no line break or
 * other control character that would end the header early, nothing beyond Latin-1.
 */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

function validate(request: ParsedConsoleRequest): FieldIssue[] {
  const issues: FieldIssue[] = []
  request.headers.forEach(({ name, value }, i) => {
    const lower = name.toLowerCase()
    if (FORBIDDEN_HEADERS.has(lower) || lower.startsWith('proxy-')) issues.push({ path: `headers.${i}.name`, message: `The ${name} header is set by the app and cannot be overridden` })
    if (!HEADER_VALUE.test(value)) issues.push({ path: `headers.${i}.value`, message: `The ${name} header's value has a line break, a control character or a character HTTP headers cannot carry` })
  })
  if (request.form !== undefined && request.method === 'GET') issues.push({ path: 'form', message: 'A GET request cannot have a body' })
  if (request.body !== undefined && request.body.trim() !== '') {
    if (request.method === 'GET') issues.push({ path: 'body', message: 'A GET request cannot have a body' })
    else {
      try {
        JSON.parse(request.body)
      } catch (error) {
        issues.push({ path: 'body', message: `The body is not valid JSON: ${(error as Error).message}` })
      }
    }
  }
  return issues
}

export class ConsoleService {
  private readonly now: () => number
  private readonly newId: () => string
  private inFlight = 0

  constructor(private readonly deps: ConsoleDeps) {
    this.now = deps.clock ? () => (deps.clock as { now(): number }).now() : Date.now
    this.newId = deps.newId ?? (() => crypto.randomUUID())
  }

  async send(request: ParsedConsoleRequest, signal?: AbortSignal): Promise<ConsoleResponse> {
    const filled = fillPathParams(request.url, request.pathParams ?? [])
    const issues = [...validate(request), ...(filled.ok ? [] : filled.issues)]
    if (issues.length > 0 || !filled.ok) throw new AppError('VALIDATION', issues.map((i) => i.message).join('; '), { issues })
    // Refused like invalid input: nothing sent, nothing recorded.
    if (this.inFlight >= MAX_CONSOLE_IN_FLIGHT) throw new AppError('CONFLICT', `${MAX_CONSOLE_IN_FLIGHT} console requests are already on their way; wait for one of them to be answered, or cancel one`)
    this.inFlight++
    try {
      return await this.sendCounted(request, filled.url, signal)
    } finally {
      this.inFlight--
    }
  }

  /** send() once the request is valid and counted in flight; `url` has its path parameters filled. */
  private async sendCounted(request: ParsedConsoleRequest, url: string, signal: AbortSignal | undefined): Promise<ConsoleResponse> {
    const at = this.now()
    let response: ConsoleResponse
    try {
      const client = this.deps.clients.forProfile(request.profileId)
      const server = await this.deps.schemas?.documentedServer(request.method, url, request.form !== undefined)
      const body = request.form ? await this.formOf(request.form) : request.body !== undefined && request.body.trim() !== '' ? request.body : undefined
      const raw = await client.send({
        method: request.method,
        url: urlOnDocumentedServer(url, server, client.apiBase),
        query: withPageToken(request.query, request.nextPageToken),
        headers: request.headers,
        ...(body !== undefined ? { body } : {}),
        ...(signal ? { signal } : {}),
        maxBodyBytes: this.deps.maxResponseBytes ?? MAX_RESPONSE_BODY,
      })
      const nextPageToken = nextPageTokenOf(raw.body, raw.contentType, raw.truncated)
      const schemaCheck = await this.checkResponse(request.method, url, raw)
      response = {
        ...(schemaCheck ? { schemaCheck } : {}),
        ...(nextPageToken ? { nextPageToken } : {}),
        status: raw.status,
        statusText: raw.statusText,
        headers: raw.headers,
        durationMs: raw.durationMs,
        body: raw.body,
        ...(raw.binaryBytes ? { binary: this.keepBinary(raw.binaryBytes, raw) } : {}),
        bodyBytes: raw.bodyBytes,
        truncated: raw.truncated,
        ...(raw.trackingId ? { trackingId: raw.trackingId } : {}),
        ...(raw.contentType ? { contentType: raw.contentType } : {}),
      }
    } catch (caught) {
      const error = isAppError(caught) ? caught : toZoomError(caught, signal)
      if (error.code === 'VALIDATION') throw error
      response = { status: 0, statusText: '', headers: [], durationMs: this.now() - at, body: '', bodyBytes: 0, truncated: false, error: error.toBridge() }
    }
    await this.record(request, at, response)
    return response
  }

  /** The form as a body; a file token main did not hand out rejects with VALIDATION (nothing sent). */
  private formOf(parts: NonNullable<ParsedConsoleRequest['form']>): Promise<FormData> {
    if (!this.deps.files) throw new AppError('VALIDATION', 'Files cannot be sent from here', { issues: [{ path: 'form', message: 'not available' }] })
    return buildFormData(parts, this.deps.files)
  }

  private keepBinary(bytes: Buffer, raw: { contentType?: string; truncated: boolean; headers: [string, string][] }) {
    const disposition = raw.headers.find(([name]) => name.toLowerCase() === 'content-disposition')?.[1]
    const facts = { truncated: raw.truncated, ...(raw.contentType ? { contentType: raw.contentType } : {}), ...(disposition ? { disposition } : {}) }
    if (this.deps.answers) return this.deps.answers.keep(bytes, facts)
    return { answerToken: 'not-kept', contentType: raw.contentType ?? 'application/octet-stream', bytes: bytes.length }
  }

  /** Main's open dialog for a form's file part (chosen-files.ts); undefined when cancelled. */
  pickFile() {
    if (!this.deps.files) throw new AppError('VALIDATION', 'Files cannot be chosen here')
    return this.deps.files.pick()
  }

  /** Main's save dialog for a binary answer it kept; the page never gets a path. */
  saveAnswer(answerToken: string) {
    if (!this.deps.answers) throw new AppError('NOT_FOUND', 'This answer is not kept')
    return this.deps.answers.save(answerToken)
  }

  /** The body against the request schema of the operation `method url` is (advice only: send() does not require it). */
  checkBody(method: ApiMethod, url: string, body: string): Promise<BodySchemaCheck> {
    if (!this.deps.schemas) return Promise.resolve({ checked: false, issues: [], note: 'Zoom’s API files are not available: the body is not checked.' })
    return this.deps.schemas.checkBody(method, url, body)
  }

  /** Never throws: a check that fails must not hide Zoom's answer. */
  private async checkResponse(method: ApiMethod, url: string, raw: { status: number; body: string; truncated: boolean; contentType?: string }) {
    try {
      return await this.deps.schemas?.checkResponse(method, url, raw)
    } catch (error) {
      this.deps.log?.warn('response not checked against its schema', { error: error instanceof Error ? error.message : String(error) })
      return undefined
    }
  }

  history(profileId?: string): HistoryEntry[] {
    return this.deps.history.list(profileId)
  }

  clearHistory(profileId?: string): Promise<void> {
    return this.deps.history.clear(profileId)
  }

  /** Never throws: the request already went out, so whatever happens here must not hide its answer. */
  private async record(request: ParsedConsoleRequest, at: number, response: ConsoleResponse): Promise<void> {
    try {
      const entry: StoredHistoryEntry = {
        id: this.newId(),
        at,
        request: sanitizeForHistory(request, (token) => this.deps.files?.facts(token)),
        ...(response.status ? { status: response.status } : {}),
        durationMs: response.durationMs,
        // A message may quote what the server wrote (a refused redirect names the host it pointed
        // to), so it is scrubbed like the request before history.json keeps it.
        ...(response.error ? { error: redact(response.error.message).slice(0, 2000) } : {}),
      }
      await this.deps.history.add(entry)
    } catch (error) {
      this.deps.log?.warn('could not record a console request in the history', { error })
    }
  }
}
