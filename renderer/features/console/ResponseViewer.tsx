// The response: status, time, size, tracking id; pretty JSON, raw body and headers.
import { Tabs } from 'radix-ui'
import type { ConsoleResponse } from '../../../common/contract/index'
import { CopyButton } from '../../components/CopyButton'
import { formatBytes } from '../overview/format'

function pretty(body: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return undefined
  }
}

export function ResponseViewer({ response }: { response: ConsoleResponse }) {
  const formatted = pretty(response.body)
  const tone = response.status >= 200 && response.status < 300 ? 'ok' : response.status >= 400 || response.status === 0 ? 'bad' : 'warn'
  return (
    <section className="card response" aria-labelledby="response-title">
      <div className="card-title">
        <h2 id="response-title">Response</h2>
        <span className="badge" data-tone={tone} data-testid="response-status">
          {response.status > 0 ? `${response.status} ${response.statusText}` : 'No response'}
        </span>
        <span className="muted">
          {Math.round(response.durationMs)} ms · {formatBytes(response.bodyBytes)}
          {response.truncated ? ' (truncated)' : ''}
        </span>
        <span className="spacer" />
        <CopyButton text={response.body} label="Copy response body" />
      </div>
      {response.error && (
        <p className="callout" data-tone="bad" role="alert">
          {response.error.message}
          {response.error.details?.zoomCode !== undefined ? ` (Zoom code ${String(response.error.details.zoomCode)})` : ''}
        </p>
      )}
      {response.trackingId && (
        <p className="muted" style={{ fontSize: 12 }}>
          Tracking ID <span className="mono">{response.trackingId}</span> — quote it to Zoom support.
        </p>
      )}
      <Tabs.Root defaultValue={formatted ? 'pretty' : 'raw'} className="stack">
        <Tabs.List className="tabs-list" aria-label="Response view">
          <Tabs.Trigger value="pretty" className="tab" disabled={!formatted}>
            Pretty
          </Tabs.Trigger>
          <Tabs.Trigger value="raw" className="tab">
            Raw
          </Tabs.Trigger>
          <Tabs.Trigger value="headers" className="tab">
            Headers ({response.headers.length})
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="pretty">
          <pre className="json response-body" tabIndex={0} aria-label="Response body, formatted">
            {formatted}
          </pre>
        </Tabs.Content>
        <Tabs.Content value="raw">
          <pre className="json response-body" tabIndex={0} aria-label="Response body, raw" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {response.body}
          </pre>
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
