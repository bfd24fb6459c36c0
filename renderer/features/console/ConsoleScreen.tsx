// The request console: method, path (completed over every operation of Zoom's API), the picked
// operation's parameter form and documentation, query, headers, body (started from Zoom's
// example, checked against its schema), Send, response, history and "copy as curl" (which
// carries only a token placeholder).
import { Tabs } from 'radix-ui'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { BodySchemaCheck, CatalogOperationSummary, HistoryEntry } from '../../../common/contract/index'
import { HTTP_METHODS } from '../../../common/contract/console'
import type { ProfileView } from '../../../common/profile'
import { cloudEndpoints } from '../../../common/profile'
import { startingBody } from '../../../common/zoom/api/example'
import { pathValuesFor } from '../../../common/zoom/api/match-path'
import { resolveConsoleUrl } from '../../../common/zoom/console-url'
import { toCurl } from '../../../common/zoom/curl'
import { CopyButton } from '../../components/CopyButton'
import { SendIcon } from '../../components/icons'
import { focusIsLost, useFocusReturn } from '../../components/use-focus-return'
import { useStore } from '../../store/index'
import type { ConsoleDraft, HttpMethod } from '../../store/slices/console'
import { DEFAULT_CONSOLE_PATH, EMPTY_DRAFT, expandDraftPath, pathProblem, requestPath } from '../../store/slices/console'
import { pathParamNames } from '../../../common/zoom/paths'
import { focusWhenShown } from '../../components/form-keys'
import { DocsPanel } from './DocsPanel'
import { FormBodyEditor } from './FormBodyEditor'
import { formRowsOf, isMultipart } from './form-body'
import { HistoryList } from './HistoryList'
import { KeyValueEditor } from './KeyValueEditor'
import { OperationForm } from './OperationForm'
import { OperationPicker } from './OperationPicker'
import { ResponseViewer } from './ResponseViewer'
import { SchemaIssueList } from './SchemaIssueList'
import { useConsoleCatalog, useOperation } from './use-api-catalog'
import { checkBody, useBodyCheck } from './use-body-check'
import '../../styles/console.css'

function jsonProblem(body: string): string | undefined {
  if (!body.trim()) return undefined
  try {
    JSON.parse(body)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : 'Not valid JSON'
  }
}

const NO_SCOPES: readonly string[] = []

export default function ConsoleScreen({ profile }: { profile: ProfileView }) {
  const id = useId()
  const draft = useStore((s) => s.drafts[profile.id]) ?? EMPTY_DRAFT
  const response = useStore((s) => s.responses[profile.id])
  const sending = useStore((s) => s.sending[profile.id] ?? false)
  const apiUrl = useStore((s) => s.statuses[profile.id]?.apiUrl)
  const setDraft = useStore((s) => s.setConsoleDraft)
  const send = useStore((s) => s.sendRequest)
  const cancel = useStore((s) => s.cancelRequest)
  const sendFailure = useStore((s) => s.sendFailures[profile.id])
  const update = (patch: Partial<ConsoleDraft>) => setDraft(profile.id, patch)
  // Zoom documents DELETEs that take a JSON body (DELETE /contact_center/queues/batch, …).
  const hasBody = draft.method !== 'GET'
  const bodyKind = draft.bodyKind ?? 'json'
  const bodyProblem = hasBody && bodyKind === 'json' ? jsonProblem(draft.body) : undefined
  const apiBase = apiUrl ?? cloudEndpoints(profile.cloud).apiBase
  // An empty Path field sends the default path (its placeholder) with GET: everything below reads that one.
  const url = requestPath(draft)
  const pathNames = pathParamNames(url)
  const path = expandDraftPath(draft)
  const resolved = path.ok
    ? resolveConsoleUrl(path.url, apiBase, draft.query.filter((q) => q.name.trim()))
    : { ok: false as const, message: pathProblem(path.missing, ' below') }
  const catalog = useConsoleCatalog()
  // The documented operation the request is, typed as a template or as a filled path.
  const summary = useMemo(() => catalog.resolve(draft.method, url), [catalog, draft.method, url])
  const operation = useOperation(summary)
  const grantedScopes = useStore((s) => s.statuses[profile.id]?.grantedScopes) ?? NO_SCOPES
  const wantsBodyCheck = hasBody && bodyKind === 'json' && summary !== undefined && draft.body.trim() !== '' && !bodyProblem
  const liveCheck = useBodyCheck(wantsBodyCheck, draft.method, url, draft.body)
  /** A check that found differences when Send was pressed: sending waits for "Send anyway". */
  const [heldBack, setHeldBack] = useState<BodySchemaCheck>()
  const bodyCheck = heldBack ?? liveCheck

  // The body editor starts from Zoom's example for the picked operation (or one built from its
  // schema), unless the person already wrote a body of their own.
  const startedBody = useRef<string>('')
  useEffect(() => {
    if (!operation || operation.method !== draft.method || operation.path !== url) return
    // An upload starts as a form with the operation's fields (files and text), unless one is being filled.
    if (isMultipart(operation.requestBody)) {
      if ((draft.form ?? []).every((row) => !row.name.trim() || (row.kind === 'text' ? !row.value : !row.file))) update({ bodyKind: 'form', form: formRowsOf(operation.requestBody) })
      else if (bodyKind !== 'form') update({ bodyKind: 'form' })
      return
    }
    const body = startingBody(operation.requestBody)
    if (!body || (draft.body.trim() !== '' && draft.body !== startedBody.current)) return
    startedBody.current = body
    if (body !== draft.body) update({ body })
    // Only when the operation changes: a body edited afterwards is the person's.
  }, [operation])

  const pick = (op: CatalogOperationSummary, typed: string) => {
    // A concrete path typed first (`/users/me/recordings`) gives the template its values.
    const values = pathValuesFor(op.path, typed) ?? {}
    const sameOperation = op.method === draft.method && op.path === url
    update({
      method: op.method,
      url: op.path,
      pathParams: { ...draft.pathParams, ...values },
      ...(sameOperation ? {} : { query: [] }),
      ...(sameOperation || draft.body !== startedBody.current ? {} : { body: '' }),
    })
    setHeldBack(undefined)
  }
  const curl = resolved.ok ? toCurl({ method: draft.method, url: resolved.url.toString(), headers: draft.headers.filter((h) => h.name.trim()), ...(hasBody && bodyKind === 'json' ? { body: draft.body } : {}) }) : ''

  const navigate = useStore((s) => s.navigate)
  /** The connection's allowed domains, in the editor: where a refused host is added. */
  const openAllowedDomains = () => {
    navigate({ screen: 'connection', profileId: profile.id, tab: 'edit' })
    focusWhenShown('Allowed domains')
  }
  const domainRefused = sendFailure?.code === 'DOMAIN_NOT_ALLOWED' || response?.error?.code === 'DOMAIN_NOT_ALLOWED'
  /** Zoom's cursor for the next page of a list, read by main from the response. */
  const nextPageToken = response?.nextPageToken
  const nextPage = () => {
    if (!nextPageToken) return
    update({ query: [...draft.query.filter((q) => q.name !== 'next_page_token'), { name: 'next_page_token', value: nextPageToken }] })
    void submit()
  }
  const submit = async (anyway = false) => {
    if (!resolved.ok || bodyProblem) return
    if (wantsBodyCheck && !anyway) {
      // Checked once more right before sending: the live check may not have caught up with typing.
      const check = await checkBody(draft.method, url, draft.body)
      if (check && check.issues.length > 0) {
        setHeldBack(check)
        return
      }
    }
    setHeldBack(undefined)
    // A refusal is kept in the console slice and shown under the request.
    await send(profile.id).catch(() => undefined)
  }
  // Send is disabled while its request runs, so focus would fall to <body>: it goes to Cancel
  // instead, and back to Send when the request ends (Cancel is gone by then).
  const sendButton = useFocusReturn<HTMLButtonElement>(sending)
  const cancelButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (sending && (focusIsLost() || document.activeElement === sendButton.current)) cancelButton.current?.focus()
  }, [sending])
  // A form comes back with its text; a file row comes back empty, naming the file it had: the
  // history keeps a file's name and size, never the file.
  const restore = (entry: HistoryEntry) =>
    update({
      method: entry.request.method,
      url: entry.request.url,
      query: entry.request.query ?? [],
      headers: entry.request.headers ?? [],
      body: entry.request.body ?? '',
      pathParams: {},
      bodyKind: entry.request.form ? 'form' : 'json',
      form: (entry.request.form ?? []).map((part) => ('value' in part ? { name: part.name, kind: 'text', value: part.value } : { name: part.name, kind: 'file', was: { name: part.fileName, size: part.fileSize } })),
    })

  return (
    <div className="console">
      <div className="stack" style={{ gap: 16, minWidth: 0 }}>
        <form
          className="card composer"
          aria-label="Request"
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void submit()
            } else if (e.key === 'Escape' && sending && !e.defaultPrevented) {
              // The path's suggestion list takes Escape first (it prevents the default) when open.
              e.preventDefault()
              cancel(profile.id)
            }
          }}
        >
          <div className="request-line">
            <label className="visually-hidden" htmlFor={`${id}-method`}>
              Method
            </label>
            <select id={`${id}-method`} className="input method-select" value={draft.method} onChange={(e) => update({ method: e.target.value as HttpMethod })}>
              {HTTP_METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
            <label className="visually-hidden" htmlFor={`${id}-url`}>
              Path
            </label>
            <OperationPicker
              inputId={`${id}-url`}
              value={draft.url}
              onChange={(text) => {
                update({ url: text })
                setHeldBack(undefined)
              }}
              onPick={pick}
              {...(draft.method === 'GET' ? { emptySends: DEFAULT_CONSOLE_PATH } : {})}
              catalog={catalog}
              invalid={!resolved.ok}
              describedBy={`${id}-url-hint`}
            />
            <button ref={sendButton} type="submit" className="btn btn-primary" disabled={sending || !resolved.ok || Boolean(bodyProblem)}>
              <SendIcon size={14} /> {sending ? 'Sending…' : 'Send'}
            </button>
            {sending && (
              <button ref={cancelButton} type="button" className="btn" aria-keyshortcuts="Escape" onClick={() => cancel(profile.id)}>
                Cancel
              </button>
            )}
          </div>
          <p id={`${id}-url-hint`} className={resolved.ok ? 'muted url-preview mono' : 'error'}>
            {resolved.ok ? resolved.url.toString() : resolved.message}
          </p>
          {catalog.state === 'fallback' && (
            <p className="muted" style={{ fontSize: 12 }} data-testid="catalog-fallback">
              Zoom’s API files are not available yet: suggestions come from the built-in resources only.
            </p>
          )}
          {operation && operation.method === draft.method && operation.path === url && <OperationForm operation={operation} draft={draft} update={update} />}
          {pathNames.length > 0 && !(operation && operation.method === draft.method && operation.path === url) && (
            <fieldset className="path-params">
              <legend className="field-label">Path parameters</legend>
              {pathNames.map((name) => (
                <label key={name} className="path-param">
                  <span className="mono">{`{${name}}`}</span>
                  <input
                    className="input mono"
                    aria-label={`Path parameter ${name}`}
                    spellCheck={false}
                    value={draft.pathParams[name] ?? ''}
                    placeholder={name === 'userId' ? 'me, a user ID or an e-mail' : name}
                    onChange={(e) => update({ pathParams: { ...draft.pathParams, [name]: e.target.value } })}
                  />
                </label>
              ))}
            </fieldset>
          )}
          <Tabs.Root defaultValue="query" className="stack" style={{ gap: 10 }}>
            <Tabs.List className="tabs-list" aria-label="Request parts">
              <Tabs.Trigger value="query" className="tab">
                Query ({draft.query.length})
              </Tabs.Trigger>
              <Tabs.Trigger value="headers" className="tab">
                Headers ({draft.headers.length})
              </Tabs.Trigger>
              <Tabs.Trigger value="body" className="tab" disabled={!hasBody}>
                Body
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="query">
              <KeyValueEditor label="Query parameters" noun="Query parameter" pairs={draft.query} onChange={(query) => update({ query })} />
            </Tabs.Content>
            <Tabs.Content value="headers">
              <KeyValueEditor label="Headers" noun="Header" pairs={draft.headers} onChange={(headers) => update({ headers })} />
              <p className="muted" style={{ fontSize: 12, marginTop: 6 }}>
                The Authorization header is added by the app; you never need to paste a token.
              </p>
            </Tabs.Content>
            <Tabs.Content value="body" className="stack" style={{ gap: 6 }}>
              <div className="row" role="radiogroup" aria-label="Body kind">
                {(['json', 'form'] as const).map((kind) => (
                  <label key={kind} className="row" style={{ gap: 4 }}>
                    <input type="radio" name={`${id}-body-kind`} checked={bodyKind === kind} onChange={() => update({ bodyKind: kind })} />
                    {kind === 'json' ? 'JSON' : 'Form (files)'}
                  </label>
                ))}
              </div>
              {bodyKind === 'form' ? (
                <FormBodyEditor rows={draft.form ?? []} onChange={(form) => update({ form })} required={(operation?.requestBody?.schema?.required as string[] | undefined) ?? []} />
              ) : (
              <>
              <label htmlFor={`${id}-body`} className="field-label">
                JSON body
              </label>
              <textarea
                id={`${id}-body`}
                className="input"
                rows={8}
                spellCheck={false}
                value={draft.body}
                onChange={(e) => {
                  update({ body: e.target.value })
                  setHeldBack(undefined)
                }}
                aria-invalid={bodyProblem ? true : undefined}
                aria-describedby={bodyProblem ? `${id}-body-error` : undefined}
              />
              {bodyProblem && (
                <span id={`${id}-body-error`} className="error">
                  {bodyProblem}
                </span>
              )}
              {summary && !bodyProblem && bodyCheck && (
                <div data-testid="body-schema-check" className={bodyCheck.issues.length > 0 ? 'error' : 'muted'} style={{ fontSize: 12 }}>
                  {bodyCheck.issues.length > 0
                    ? `The body differs from Zoom’s request schema in ${bodyCheck.issues.length} place${bodyCheck.issues.length === 1 ? '' : 's'}:`
                    : bodyCheck.checked
                      ? 'The body matches Zoom’s request schema.'
                      : bodyCheck.note}
                  {bodyCheck.issues.length > 0 && <SchemaIssueList issues={bodyCheck.issues} label="Differences from the request schema" />}
                </div>
              )}
              <div>
                <button type="button" className="btn btn-small" disabled={!draft.body.trim() || Boolean(bodyProblem)} onClick={() => update({ body: JSON.stringify(JSON.parse(draft.body), null, 2) })}>
                  Format JSON
                </button>
              </div>
              </>
              )}
            </Tabs.Content>
          </Tabs.Root>
          {heldBack && heldBack.issues.length > 0 && (
            <div className="callout" data-tone="warn" role="alert" data-testid="body-schema-alert">
              <p>
                Not sent yet: the body differs from Zoom’s schema for {heldBack.operation?.method} <span className="mono">{heldBack.operation?.path}</span> in {heldBack.issues.length} place
                {heldBack.issues.length === 1 ? '' : 's'}. Zoom will probably refuse it. You can fix it, or send it anyway.
              </p>
              <SchemaIssueList issues={heldBack.issues} label="Differences found before sending" />
              <button type="button" className="btn btn-small" onClick={() => void submit(true)} disabled={sending}>
                Send anyway
              </button>
            </div>
          )}
          {sendFailure && (
            <p className="callout" data-tone="bad" role="alert">
              The request was not sent: {sendFailure.message}
              {domainRefused && (
                <>
                  {' '}
                  <button type="button" className="btn btn-small" onClick={openAllowedDomains}>
                    Open this connection’s allowed domains
                  </button>
                </>
              )}
            </p>
          )}
          <div className="row">
            <span className="muted" style={{ fontSize: 12 }}>
              <span className="kbd">Ctrl</span> + <span className="kbd">Enter</span> sends
            </span>
            <span className="spacer" />
            <CopyButton text={curl} label="Copy as curl" />
            <span className="muted" style={{ fontSize: 12 }}>
              curl uses <span className="mono">$ZOOM_ACCESS_TOKEN</span>
            </span>
          </div>
        </form>
        {/* Always there, so a screen reader reads each outcome (the badge below appears silently). */}
        <p className="visually-hidden" role="status" data-testid="response-announcement">
          {response ? outcomeText(response) : ''}
        </p>
        {sending && (
          <p role="status" className="muted">
            Sending… <span className="kbd">Esc</span> or Cancel stops it.
          </p>
        )}
        {response && (
          <ResponseViewer
            response={response}
            {...(nextPageToken ? { onNextPage: nextPage } : {})}
            {...(response.error?.code === 'DOMAIN_NOT_ALLOWED' ? { onOpenAllowedDomains: openAllowedDomains } : {})}
          />
        )}
      </div>
      <div className="stack" style={{ gap: 16, minWidth: 0 }}>
        {summary && <DocsPanel summary={summary} operation={operation} grantedScopes={grantedScopes} />}
        <HistoryList profileId={profile.id} onPick={restore} />
      </div>
    </div>
  )
}

/** How a request ended, in a few words: what a screen reader says when the response arrives. */
function outcomeText(response: { status: number; statusText: string; durationMs: number; error?: { code?: string } | undefined }): string {
  if (response.status > 0) return `Response: ${response.status} ${response.statusText}, in ${Math.round(response.durationMs)} ms`
  return response.error?.code === 'CANCELLED' ? 'Request cancelled' : 'No response'
}
