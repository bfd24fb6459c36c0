// Filter, "Add connection" and the import/export menu above the connection list.
import { DropdownMenu } from 'radix-ui'
import { useStore } from '../../store/index'
import { ExportIcon, ImportIcon, MoreIcon, PlusIcon, SearchIcon } from '../../components/icons'

export function ConnectionsToolbar() {
  const filter = useStore((s) => s.filter)
  const setFilter = useStore((s) => s.setConnectionFilter)
  const navigate = useStore((s) => s.navigate)
  const hasProfiles = useStore((s) => s.profiles.length > 0)
  const importFile = useStore((s) => s.importProfilesFile)
  const exportFile = useStore((s) => s.exportProfilesFile)
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="sidebar-tools">
        <button type="button" className="btn btn-primary" style={{ flex: 1 }} onClick={() => navigate({ screen: 'new' })}>
          <PlusIcon size={15} /> Add connection
        </button>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className="btn btn-icon" aria-label="Import or export connections">
            <MoreIcon />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              <DropdownMenu.Item className="menu-item" onSelect={() => void importFile()}>
                <ImportIcon size={14} /> Import connections…
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" disabled={!hasProfiles} onSelect={() => void exportFile()}>
                <ExportIcon size={14} /> Export all connections…
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
      {hasProfiles && (
        <div className="sidebar-tools">
          <div className="search">
            <SearchIcon size={14} />
            <input className="input" type="search" aria-label="Filter connections" placeholder="Filter connections" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
        </div>
      )}
    </div>
  )
}
