// What of a console request may be written to history.json: never a credential. Headers whose
// name looks like a credential (Authorization, Cookie, *token*, *secret*, *key*, …) are dropped;
// a meeting's, room's or recording's passcode counts as one (whoever holds it joins or plays);
// query parameters and JSON body fields with such names keep their name with a redacted value
// (for a field, its whole value, even an object or array); and every remaining string goes
// through the log redactor, which also scrubs the exact token
// values the token manager registered and anything shaped like a bearer token or a JWT.
import type { ParsedInput } from '../../common/contract'
import type { HistoryFormPart } from '../../common/contract/console'
import { redact } from '../log/redact'
import { REDACTED, redactJsonFields } from '../log/redact-json'

export type ParsedConsoleRequest = ParsedInput<'console.send'>

const SENSITIVE_NAME = /authorization|token|secret|password|passcode|passphrase|api[-_]?key|cookie|session|signature|credential|bearer/i
export { REDACTED }

export const isSensitiveName = (name: string) => SENSITIVE_NAME.test(name)

/** Bodies longer than this are not kept in history (history.json stays small); nor forms whose text is. */
export const MAX_HISTORY_BODY = 100_000

/**
 * JSON nested deeper than this is not walked (a recursive walk of 40,000 levels overflows the
 * stack): the deeper part is replaced by a marker, so nothing unchecked reaches the history.
 */
export const MAX_HISTORY_DEPTH = 64
export { TOO_DEEP } from '../log/redact-json'

/** A request as history.json keeps it: query and headers always present, a form's files by name and size. */
export type HistoryConsoleRequest = Omit<ParsedConsoleRequest, 'form'> & { form?: HistoryFormPart[] }

/** What history needs to know of a chosen file (the token is a capability and is never written down). */
export type FileFacts = (fileToken: string) => { name: string; size: number } | undefined

/**
 * `fileFacts` names the files of a form: the history keeps a file part as its name and size only,
 * never its bytes nor its token (a token written to disk would outlive the choice it stands for).
 */
export function sanitizeForHistory(request: ParsedConsoleRequest, fileFacts: FileFacts = () => undefined): HistoryConsoleRequest {
  const body = request.body !== undefined && request.body.length <= MAX_HISTORY_BODY ? sanitizeBody(request.body) : undefined
  // A form is the other body: the bridge takes up to ten times as much text in one as in a JSON
  // body, and 200 entries of that would be rewritten whole at every request.
  const form = request.form !== undefined && formChars(request.form) <= MAX_HISTORY_BODY ? request.form : undefined
  return {
    profileId: request.profileId,
    method: request.method,
    url: redact(sanitizeUrl(request.url)),
    query: request.query.map(({ name, value }) => ({ name, value: isSensitiveName(name) ? REDACTED : redact(value) })),
    headers: request.headers.filter(({ name }) => !isSensitiveName(name)).map(({ name, value }) => ({ name, value: redact(value) })),
    ...(request.pathParams?.length ? { pathParams: request.pathParams.map(({ name, value }) => ({ name, value: isSensitiveName(name) ? REDACTED : redact(value) })) } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(form ? { form: form.map((part) => sanitizePart(part, fileFacts)) } : {}),
  }
}

/** The characters of a form's text: its part names and text values (a file part counts by its name). */
function formChars(form: NonNullable<ParsedConsoleRequest['form']>): number {
  return form.reduce((n, part) => n + part.name.length + ('value' in part ? part.value.length : 0), 0)
}

function sanitizePart(part: NonNullable<ParsedConsoleRequest['form']>[number], fileFacts: FileFacts): HistoryFormPart {
  if ('value' in part) return { name: part.name, value: isSensitiveName(part.name) ? REDACTED : redact(part.value) }
  const facts = fileFacts(part.fileToken)
  return { name: part.name, fileName: facts ? redact(facts.name) : '(unknown file)', fileSize: facts?.size ?? 0 }
}

/** Redacts sensitive query parameters and user info of a typed URL (absolute or a path with a query). */
function sanitizeUrl(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url)
  const parsed = URL.canParse(url, 'http://relative.invalid') ? new URL(url, 'http://relative.invalid') : undefined
  if (!parsed) return url
  let changed = false
  if (parsed.username || parsed.password) {
    parsed.username = ''
    parsed.password = ''
    changed = true
  }
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (isSensitiveName(name)) {
      parsed.searchParams.set(name, REDACTED)
      changed = true
    }
  }
  if (!changed) return url
  return absolute ? parsed.href : `${parsed.pathname}${parsed.search}`
}

/** A JSON body is walked and written back as JSON (still valid JSON); other bodies go through the redactor. */
function sanitizeBody(text: string): string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return redact(text)
  }
  const cleaned = redactJsonFields(value, isSensitiveName, MAX_HISTORY_DEPTH)
  return cleaned.changed ? JSON.stringify(cleaned.value, null, 2) : text
}
