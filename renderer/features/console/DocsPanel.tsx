// What Zoom's file says about the picked operation: summary, description (as plain text), the
// scopes that allow it (classic and granular, each marked when this connection's grant has it),
// its rate-limit label and a link to its page in Zoom's documentation.
import type { CatalogOperationSummary } from '../../../common/contract/index'
import { plainText } from '../../../common/zoom/api/plain-text'
import type { ApiOperation } from '../../../common/zoom/api/types'
import { ExternalLink } from '../../components/ExternalLink'

function ScopeList({ title, scopes, granted }: { title: string; scopes: readonly string[]; granted: ReadonlySet<string> }) {
  if (scopes.length === 0) return null
  return (
    <div>
      <h3 className="field-label">{title}</h3>
      <ul className="scope-list" aria-label={title}>
        {scopes.map((scope) => (
          <li key={scope} data-granted={granted.has(scope) || undefined}>
            <span className="mono">{scope}</span> {granted.has(scope) ? <span className="badge" data-tone="ok">granted</span> : <span className="muted">not granted</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function DocsPanel({ summary, operation, grantedScopes }: { summary: CatalogOperationSummary; operation: ApiOperation | undefined; grantedScopes: readonly string[] }) {
  const granted = new Set(grantedScopes)
  const all = [...summary.scopes.classic, ...summary.scopes.granular]
  const has = all.filter((s) => granted.has(s))
  return (
    <section className="card docs-panel stack" aria-labelledby="docs-title" style={{ gap: 8 }}>
      <div className="card-title">
        <h2 id="docs-title">{summary.summary || `${summary.method} ${summary.path}`}</h2>
        <span className="badge">{summary.product}</span>
        {summary.deprecated && <span className="badge" data-tone="warn">deprecated</span>}
      </div>
      <p className="mono muted" style={{ fontSize: 12 }}>
        {summary.method} {summary.path} · {summary.operationId}
      </p>
      {operation?.description && (
        // Scrolls when long: focusable so a keyboard can scroll it too.
        <p className="description" tabIndex={0} aria-label="Description">
          {plainText(operation.description)}
        </p>
      )}
      <p data-testid="docs-rate-limit">
        Rate limit: <strong>{summary.rateLabel ?? 'not stated'}</strong>
      </p>
      {all.length > 0 ? (
        <>
          <p data-testid="docs-scope-verdict">
            {grantedScopes.length === 0
              ? 'Any one of these scopes allows it; connect to see which ones the grant has.'
              : has.length > 0
                ? `This connection’s grant has ${has.length === 1 ? 'one' : has.length} of the scopes that allow it.`
                : 'This connection’s grant has none of the scopes that allow it: Zoom will refuse the request.'}
          </p>
          <ScopeList title="Classic scopes" scopes={summary.scopes.classic} granted={granted} />
          <ScopeList title="Granular scopes" scopes={summary.scopes.granular} granted={granted} />
        </>
      ) : (
        <p className="muted">Zoom’s file names no scope for it.</p>
      )}
      {summary.docsUrl && (
        <div>
          <ExternalLink href={summary.docsUrl}>Zoom’s documentation</ExternalLink>
        </div>
      )}
    </section>
  )
}
