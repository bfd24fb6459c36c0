// The left column: brand, connection filter and list, protection summary, settings and version.
import { useStore } from '../../store/index'
import { SettingsIcon } from '../../components/icons'
import { ConnectionList } from '../connections/ConnectionList'
import { ConnectionsToolbar } from '../connections/ConnectionsToolbar'
import { ProtectionSummary } from './ProtectionSummary'

export function Sidebar() {
  const info = useStore((s) => s.appInfo)
  const navigate = useStore((s) => s.navigate)
  const onSettings = useStore((s) => s.view.screen === 'settings')
  return (
    <aside className="sidebar" aria-label="Sidebar">
      <div className="sidebar-head">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            Z
          </span>
          Zoom Connect
        </div>
      </div>
      <ConnectionsToolbar />
      <ConnectionList />
      <div className="sidebar-foot">
        <ProtectionSummary />
        <div className="row">
          <button type="button" className="btn btn-ghost btn-small" aria-current={onSettings ? 'page' : undefined} onClick={() => navigate({ screen: 'settings' })}>
            <SettingsIcon size={14} /> Settings
          </button>
          <span className="spacer" />
          {info && (
            <span className="app-version" data-testid="app-version" title={`Electron ${info.versions.electron ?? '–'} · Chrome ${info.versions.chrome ?? '–'} · Node ${info.versions.node}`}>
              v{info.version} · {info.platform} {info.arch}
            </span>
          )}
        </div>
      </div>
    </aside>
  )
}
