// The connections in the sidebar with their live status; each opens its overview.
import { useShallow } from 'zustand/react/shallow'
import { StatusBadge } from '../../components/StatusBadge'
import { filterProfiles, shortKind, shownState } from '../../store/selectors/connections'
import { useStore } from '../../store/index'
import { ConnectionMenu } from './ConnectionMenu'

export function ConnectionList() {
  const profiles = useStore(useShallow((s) => filterProfiles(s.profiles, s.filter)))
  const total = useStore((s) => s.profiles.length)
  const statuses = useStore((s) => s.statuses)
  const activeId = useStore((s) => s.view.profileId)
  const navigate = useStore((s) => s.navigate)
  const clearFilter = useStore((s) => s.setConnectionFilter)

  if (total === 0) return <p className="sidebar-empty">No connections yet. Add one to get started.</p>
  return (
    <nav aria-label="Connections" className="conn-nav">
      {profiles.length === 0 ? (
        <div className="sidebar-empty stack" style={{ gap: 8 }}>
          <span>No connection matches the filter.</span>
          <button type="button" className="btn btn-small" onClick={() => clearFilter('')}>
            Clear filter
          </button>
        </div>
      ) : (
        <ul className="conn-list">
          {profiles.map((p) => {
            const state = shownState(statuses[p.id])
            const active = p.id === activeId
            return (
              <li key={p.id} className="conn-item" data-active={active}>
                <div className="conn-body">
                  {/* The button's name is the connection's name alone; its ::after covers the whole item. */}
                  <button type="button" className="conn-link" aria-current={active ? 'page' : undefined} onClick={() => navigate({ screen: 'connection', profileId: p.id, tab: 'overview' })}>
                    {p.name}
                  </button>
                  <span className="conn-meta">
                    <StatusBadge state={state} />
                    <span className="kind">{shortKind(p)}</span>
                  </span>
                </div>
                <ConnectionMenu profile={p} />
              </li>
            )
          })}
        </ul>
      )}
    </nav>
  )
}
