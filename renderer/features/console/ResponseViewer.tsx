// The response: status, time, size, tracking id; pretty JSON, raw body and headers; Find in the
// body, "Next page" when Zoom sent a next_page_token, and how the answer compares with the schema
// Zoom documents for it (so a change on Zoom's side shows).
import { Tabs } from 'radix-ui'
import { useEffect, useId, useRef, useState } from 'react'
import type { ConsoleResponse } from '../../../common/contract/index'
import { CopyButton } from '../../components/CopyButton'
import { formatBytes } from '../../shared/format'
import { BinaryAnswerView } from './BinaryAnswerView'
import { SchemaIssueList } from './SchemaIssueList'

function pretty(body: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return undefined
  }
}

export interface ResponseViewerProps {
  response: ConsoleResponse
  /** Present when the response is a list with a next page. */
  onNextPage?(): void
  /** Present when the request was refused for a host outside the allowed domains. */
  onOpenAllowedDomains?(): void
}

/** The body split around every case-insensitive occurrence of `needle`, matches in <mark>. */
function Highlighted({ text, needle, current }: { text: string; needle: string; current: number }) {
  if (!needle) return <>{text}</>
  const parts: React.ReactNode[] = []
  const lower = text.toLowerCase()
  const find = needle.toLowerCase()
  let at = 0
  let n = 0
  for (let i = lower.indexOf(find); i >= 0; i = lower.indexOf(find, i + find.length)) {
    parts.push(text.slice(at, i))
    parts.push(
      <mark key={i} data-current={n === current || undefined}>
        {text.slice(i, i + find.length)}
      </mark>,
    )
    at = i + find.length
    n++
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}

function countMatches(text: string, needle: string): number {
  if (!needle) return 0
  const lower = text.toLowerCase()
  const find = needle.toLowerCase()
  let n = 0
  for (let i = lower.indexOf(find); i >= 0; i = lower.indexOf(find, i + find.length)) n++
  return n
}

export function ResponseViewer({ response, onNextPage, onOpenAllowedDomains }: ResponseViewerProps) {
  const id = useId()
  const formatted = pretty(response.body)
  const [find, setFind] = useState('')
  const [current, setCurrent] = useState(0)
  const [view, setView] = useState(formatted ? 'pretty' : 'raw')
  const bodyRef = useRef<HTMLDivElement>(null)
  const shown = view === 'pretty' ? (formatted ?? '') : response.body
  const matches = countMatches(shown, find)
  useEffect(() => setCurrent(0), [find, shown])
  // A new response opens on its pretty view when it has one (the last may have been raw only).
  const hasPretty = formatted !== undefined
  useEffect(() => setView(hasPretty ? 'pretty' : 'raw'), [response, hasPretty])
  // Keeps the current match in view as Enter steps through them.
  useEffect(() => {
    bodyRef.current?.querySelector('mark[data-current]')?.scrollIntoView?.({ block: 'nearest' })
  }, [current, find, view])
  // Cancelled by the person: no answer to read, and nothing went wrong that needs their attention.
  const cancelled = response.status === 0 && response.error?.code === 'CANCELLED'
  const tone = cancelled ? undefined : response.status >= 200 && response.status < 300 ? 'ok' : response.status >= 400 || response.status === 0 ? 'bad' : 'warn'
  return (
    <section className="card response" aria-labelledby="response-title">
      <div className="card-title">
        <h2 id="response-title">Response</h2>
        <span className="badge" data-tone={tone} data-testid="response-status">
          {response.status > 0 ? `${response.status} ${response.statusText}` : cancelled ? 'Cancelled' : 'No response'}
        </span>
        <span className="muted">
          {Math.round(response.durationMs)} ms · {formatBytes(response.bodyBytes)}
          {response.truncated ? ' (truncated)' : ''}
        </span>
        <span className="spacer" />
        <CopyButton text={shown || response.body} label="Copy response body" />
      </div>
      {cancelled ? (
        <p className="muted" role="status" data-testid="response-cancelled">
          Cancelled: the app stopped waiting and closed the request. If Zoom had already received it, Zoom may still have carried it out.
        </p>
      ) : response.error && (
        <p className="callout" data-tone="bad" role="alert">
          {response.error.message}
          {response.error.details?.zoomCode !== undefined ? ` (Zoom code ${String(response.error.details.zoomCode)})` : ''}
          {onOpenAllowedDomains && (
            <>
              {' '}
              <button type="button" className="btn btn-small" onClick={onOpenAllowedDomains}>
                Open this connection’s allowed domains
              </button>
            </>
          )}
        </p>
      )}
      <div className="row wrap">
        <div className="search" style={{ maxWidth: 320 }}>
          <label className="visually-hidden" htmlFor={`${id}-find`}>
            Find in response
          </label>
          <input
            id={`${id}-find`}
            className="input"
            type="search"
            placeholder="Find in response"
            value={find}
            onChange={(e) => setFind(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || matches === 0) return
              e.preventDefault()
              setCurrent((c) => (e.shiftKey ? (c - 1 + matches) % matches : (c + 1) % matches))
            }}
          />
        </div>
        <span className="muted" role="status" data-testid="find-count">
          {find ? (matches === 0 ? 'No match' : `${current + 1} of ${matches} ${matches === 1 ? 'match' : 'matches'}`) : ''}
        </span>
        <span className="spacer" />
        {onNextPage && (
          <button type="button" className="btn btn-small" onClick={onNextPage}>
            Next page
          </button>
        )}
      </div>
      {response.schemaCheck && <SchemaCheck check={response.schemaCheck} />}
      {response.trackingId && (
        <p className="muted" style={{ fontSize: 12 }}>
          Tracking ID <span className="mono">{response.trackingId}</span> — quote it to Zoom support.
        </p>
      )}
      {response.binary && <BinaryAnswerView answer={response.binary} truncated={response.truncated} />}
      <Tabs.Root value={response.binary ? 'headers' : view} onValueChange={setView} className="stack">
        <Tabs.List className="tabs-list" aria-label="Response view">
          <Tabs.Trigger value="pretty" className="tab" disabled={!formatted}>
            Pretty
          </Tabs.Trigger>
          <Tabs.Trigger value="raw" className="tab" disabled={Boolean(response.binary)}>
            Raw
          </Tabs.Trigger>
          <Tabs.Trigger value="headers" className="tab">
            Headers ({response.headers.length})
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="pretty">
          <div ref={view === 'pretty' ? bodyRef : undefined}>
            <pre className="json response-body" tabIndex={0} aria-label="Response body, formatted">
              <Highlighted text={formatted ?? ''} needle={find} current={current} />
            </pre>
          </div>
        </Tabs.Content>
        <Tabs.Content value="raw">
          <div ref={view === 'raw' ? bodyRef : undefined}>
            <pre className="json response-body" tabIndex={0} aria-label="Response body, raw" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <Highlighted text={response.body} needle={find} current={current} />
            </pre>
          </div>
        </Tabs.Content>
        <Tabs.Content value="headers">
          <table className="scope-table">
            <tbody>
              {response.headers.map(([name, value], i) => (
                <tr key={`${name}-${i}`}>
                  <th scope="row" className="mono" style={{ fontWeight: 500 }}>
                    {name}
                  </th>
                  <td className="mono" style={{ overflowWrap: 'anywhere' }}>
                    {value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Tabs.Content>
      </Tabs.Root>
    </section>
  )
}

function SchemaCheck({ check }: { check: NonNullable<ConsoleResponse['schemaCheck']> }) {
  const differs = check.issues.length > 0
  return (
    <div className="callout" data-tone={differs ? 'warn' : check.checked ? 'ok' : undefined} data-testid="schema-check" role="status">
      {differs ? (
        <>
          The answer differs from Zoom’s schema for {check.operation.method} <span className="mono">{check.operation.path}</span> in {check.issues.length} place
          {check.issues.length === 1 ? '' : 's'}:
          <SchemaIssueList issues={check.issues} label="Differences from the response schema" />
        </>
      ) : check.checked ? (
        <>
          The answer matches Zoom’s schema for {check.operation.method} <span className="mono">{check.operation.path}</span>.
        </>
      ) : (
        <>Not checked against Zoom’s schema: {check.note}</>
      )}
    </div>
  )
}
