// The request console: a draft request per connection, the last response and the history.
import type { StateCreator } from 'zustand'
import type { ChosenFile, ConsoleResponse, FormPart, HistoryEntry } from '../../../common/contract/index'
import type { HTTP_METHODS } from '../../../common/contract/console'
import { expandPath, pathParamNames } from '../../../common/zoom/paths'
import type { ErrorCode } from '../../../common/errors'
import { BridgeCallError, call, errorMessage } from '../../ipc'
import type { Store } from '../types'

export type HttpMethod = (typeof HTTP_METHODS)[number]
export interface KeyValue {
  name: string
  value: string
}
/** A row of a multipart form: text typed here, or a file chosen in main's dialog (known by main's token). */
/**
 * `was`: the file a row held when its request was sent, brought back from the history (its name
 * and size only). The history never keeps a file's token, so such a row needs the file chosen again.
 */
export type FormRow = { name: string; kind: 'text'; value: string } | { name: string; kind: 'file'; file?: ChosenFile; was?: { name: string; size: number } }

export interface ConsoleDraft {
  method: HttpMethod
  url: string
  query: KeyValue[]
  headers: KeyValue[]
  body: string
  /** Values of the path's `{name}` placeholders (`{userId}` → `me`), filled in before sending. */
  pathParams: Record<string, string>
  /** Which body is sent: the JSON text, or the multipart form (uploads). */
  bodyKind: 'json' | 'form'
  form: FormRow[]
}

/** Why the last Send was not sent at all (main or the form refused it), shown under the request. */
export interface SendFailure {
  code: ErrorCode
  /** Main's message followed by its field issues (headers.0.name: …), readable as one line. */
  message: string
}

export interface ConsoleState {
  drafts: Record<string, ConsoleDraft | undefined>
  responses: Record<string, ConsoleResponse | undefined>
  sending: Record<string, boolean | undefined>
  /** Per connection: the last Send's refusal, until the next Send starts. */
  sendFailures: Record<string, SendFailure | undefined>
  /** Every connection's history loaded so far (each console shows its own connection's entries). */
  history: HistoryEntry[]
}

export interface ConsoleSlice extends ConsoleState {
  setConsoleDraft(profileId: string, patch: Partial<ConsoleDraft>): void
  /**
   * Sends the connection's draft. While it runs `sending[profileId]` is set; a refusal is kept in
   * `sendFailures[profileId]` and also rejects, a cancelled call ends as a CANCELLED response.
   */
  sendRequest(profileId: string): Promise<ConsoleResponse>
  /** Stops the connection's request in flight: main tears it down and the response shows CANCELLED. */
  cancelRequest(profileId: string): void
  loadHistory(profileId?: string): Promise<void>
  clearHistory(profileId?: string): Promise<void>
}

/**
 * What an empty Path sends. The field starts empty with this as its placeholder, not as its text:
 * a person who clicks in and types a path gets that path, not it appended to `/users/me`.
 */
export const DEFAULT_CONSOLE_PATH = '/users/me'

export const EMPTY_DRAFT: ConsoleDraft = { method: 'GET', url: '', query: [], headers: [], body: '', pathParams: {}, bodyKind: 'json', form: [] }

/**
 * The path the request goes to: the Path field's text, or, for a GET only, the default when it is
 * empty. Another method with an empty field goes nowhere: a placeholder is easy to overlook, and a
 * DELETE or PATCH left over from an earlier request would otherwise act on the person's own user.
 */
export const requestPath = (draft: Pick<ConsoleDraft, 'url' | 'method'>): string => (draft.url.trim() === '' && draft.method === 'GET' ? DEFAULT_CONSOLE_PATH : draft.url)

/** Why the path cannot be sent yet: empty (a method other than GET), or placeholders without a value (`where` they are filled in, for the form). */
export function pathProblem(missing: readonly string[], where = ''): string {
  if (missing.length === 0) return `Type the path: only a GET sends ${DEFAULT_CONSOLE_PATH} when the Path is empty.`
  return `Fill in the path parameter${missing.length === 1 ? '' : 's'} ${missing.join(', ')}${where}.`
}

/** The form's rows as console.send takes them; the name of a file row with no file chosen yet, if any. */
export function formPartsOf(rows: readonly FormRow[]): { ok: true; parts: FormPart[] } | { ok: false; missing: string } {
  const parts: FormPart[] = []
  for (const row of rows) {
    const name = row.name.trim()
    if (!name) continue
    if (row.kind === 'text') parts.push({ name, value: row.value })
    else if (row.file) parts.push({ name, fileToken: row.file.fileToken })
    else return { ok: false, missing: name }
  }
  return { ok: true, parts }
}

/**
 * The draft's path with its `{name}` placeholders filled in (each value encoded as Zoom asks), or
 * the names still missing a value (none: the path itself is missing). A path without placeholders is returned as it is.
 */
export function expandDraftPath(draft: Pick<ConsoleDraft, 'url' | 'method' | 'pathParams'>): { ok: true; url: string } | { ok: false; missing: string[] } {
  const url = requestPath(draft)
  // No path at all (pathProblem names it): there is nothing to send.
  if (url.trim() === '') return { ok: false, missing: [] }
  const names = pathParamNames(url)
  const missing = names.filter((n) => !(draft.pathParams[n] ?? '').trim())
  if (missing.length > 0) return { ok: false, missing }
  return { ok: true, url: names.length === 0 ? url : expandPath(url, Object.fromEntries(names.map((n) => [n, (draft.pathParams[n] ?? '').trim()]))) }
}

export const getEmptyConsoleState = (): ConsoleState => ({ drafts: {}, responses: {}, sending: {}, sendFailures: {}, history: [] })

/** Rows the person left blank are editing scaffolding, not parameters. */
const filled = (pairs: KeyValue[]) => pairs.filter((p) => p.name.trim() !== '')

/** The request in flight per connection, to cancel it; not state (nothing renders it). */
const inFlight = new Map<string, AbortController>()

/**
 * What a request cancelled before main answered for it shows: main's own answer to a cancelled
 * send is a response with no status and a CANCELLED error (main/console/console-service.ts), and a
 * call the bridge refused as cancelled (aborted before it left the page) reads the same.
 */
function cancelledResponse(error: BridgeCallError): ConsoleResponse {
  return { status: 0, statusText: '', headers: [], durationMs: 0, body: '', bodyBytes: 0, truncated: false, error: { code: 'CANCELLED', message: error.message } }
}

function sendFailureOf(error: unknown): SendFailure {
  // Main's field issues name the part they concern (headers.0.name, …).
  const issues = error instanceof BridgeCallError ? error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) : []
  return { code: error instanceof BridgeCallError ? error.code : 'INTERNAL', message: issues.length > 0 ? `${errorMessage(error)} ${issues.join('; ')}` : errorMessage(error) }
}

export const createConsoleSlice: StateCreator<Store, [], [], ConsoleSlice> = (set, get) => ({
  ...getEmptyConsoleState(),
  setConsoleDraft: (profileId, patch) => set((s) => ({ drafts: { ...s.drafts, [profileId]: { ...(s.drafts[profileId] ?? EMPTY_DRAFT), ...patch } } })),
  sendRequest: async (profileId) => {
    const draft = get().drafts[profileId] ?? EMPTY_DRAFT
    const path = expandDraftPath(draft)
    const failed = (error: unknown) => {
      set((s) => ({ sendFailures: { ...s.sendFailures, [profileId]: sendFailureOf(error) } }))
      return error
    }
    set((s) => ({ sendFailures: { ...s.sendFailures, [profileId]: undefined } }))
    // Never sent with a literal `{userId}`: the form asks for every placeholder first.
    if (!path.ok) throw failed(new BridgeCallError('VALIDATION', pathProblem(path.missing)))
    const withForm = draft.method !== 'GET' && (draft.bodyKind ?? 'json') === 'form'
    const form = withForm ? formPartsOf(draft.form ?? []) : undefined
    if (form && !form.ok) throw failed(new BridgeCallError('VALIDATION', `Choose a file for ${form.missing}.`))
    set((s) => ({ sending: { ...s.sending, [profileId]: true } }))
    const controller = new AbortController()
    inFlight.set(profileId, controller)
    try {
      const withBody = !withForm && draft.method !== 'GET' && draft.body.trim() !== ''
      const response = await call('console.send', {
        profileId,
        method: draft.method,
        url: path.url,
        query: filled(draft.query),
        headers: filled(draft.headers).map((h) => ({ name: h.name.trim(), value: h.value })),
        ...(withBody ? { body: draft.body } : {}),
        ...(form?.ok ? { form: form.parts } : {}),
      }, { signal: controller.signal })
      set((s) => ({ responses: { ...s.responses, [profileId]: response } }))
      // A change Zoom accepted may leave a loaded list showing what is no longer there.
      if (draft.method !== 'GET' && response.status >= 200 && response.status < 300) get().noteConsoleChange(profileId, path.url)
      void get().loadHistory(profileId).catch(() => undefined)
      return response
    } catch (error) {
      // Only a cancel asked for here reads as cancelled; any other refusal is the Send's failure.
      if (!(controller.signal.aborted && error instanceof BridgeCallError && error.code === 'CANCELLED')) throw failed(error)
      const response = cancelledResponse(error)
      set((s) => ({ responses: { ...s.responses, [profileId]: response } }))
      return response
    } finally {
      if (inFlight.get(profileId) === controller) inFlight.delete(profileId)
      set((s) => ({ sending: { ...s.sending, [profileId]: false } }))
    }
  },
  cancelRequest: (profileId) => inFlight.get(profileId)?.abort(),
  // One connection's history replaces only that connection's entries: a request answered after
  // the person moved to another connection's console must not take that console's history away.
  loadHistory: async (profileId) => {
    const entries = await call('console.history', profileId ? { profileId } : {})
    set((s) => ({ history: profileId ? [...entries, ...s.history.filter((h) => h.request.profileId !== profileId)] : entries }))
  },
  clearHistory: async (profileId) => {
    await call('console.clearHistory', profileId ? { profileId } : {})
    set((s) => ({ history: profileId ? s.history.filter((h) => h.request.profileId !== profileId) : [] }))
  },
})
