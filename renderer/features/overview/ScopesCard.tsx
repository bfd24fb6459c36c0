// Requested versus granted scopes, and the browse tabs a missing scope disables.
import type { ConnectionStatus } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import { ScopeName } from '../../components/ScopeName'
import { compareScopes, tabAccess } from '../../store/selectors/scopes'

export function ScopesCard({ profile, status }: { profile: ProfileView; status: ConnectionStatus | undefined }) {
  const rows = compareScopes(profile, status)
  const connected = (status?.grantedScopes.length ?? 0) > 0
  const blocked = tabAccess(profile, status).filter((t) => t.missing.length > 0 || t.unavailable)
  const missingRequested = rows.filter((r) => r.requested && !r.granted)
  return (
    <section className="card" aria-labelledby="scopes-title">
      <h2 id="scopes-title" className="card-title">
        Scopes
      </h2>
      {rows.length === 0 ? (
        <p className="muted">No scopes listed. Add the app’s scopes in Edit so they can be compared with what Zoom grants.</p>
      ) : (
        <table className="scope-table granted-scopes">
          {/* Fixed layout: the two flag columns keep their width and the scope column wraps. */}
          <colgroup>
            <col />
            <col className="flag-col" />
            <col className="flag-col" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">Requested</th>
              <th scope="col">Granted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.scope} data-missing={connected && r.requested && !r.granted ? true : undefined}>
                <td className="mono scope-name">
                  <ScopeName scope={r.scope} />
                </td>
                <td>{r.requested ? 'Yes' : '—'}</td>
                <td>{connected ? (r.granted ? 'Yes' : 'No') : 'Not connected'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {connected && missingRequested.length > 0 && (
        <p className="callout" data-tone="warn">
          Zoom did not grant {missingRequested.length === 1 ? 'one requested scope' : `${missingRequested.length} requested scopes`}. Add {missingRequested.length === 1 ? 'it' : 'them'} on the app’s Scopes page in the Zoom Marketplace, then reconnect.
        </p>
      )}
      {connected && blocked.length > 0 && (
        <div className="stack" style={{ gap: 6 }}>
          <h3>Browse tabs without access</h3>
          <ul className="blocked-tabs">
            {blocked.map(({ resource, missing, unavailable, advice }) => (
              <li key={resource.id}>
                {unavailable ? (
                  <>
                    <strong>{resource.title}</strong>: {advice}
                  </>
                ) : (
                  <>
                    <strong>{resource.title}</strong> needs one of <span className="mono">{missing.slice(0, 3).join(', ')}</span>
                    {missing.length > 3 ? ` (+${missing.length - 3} more)` : ''}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
