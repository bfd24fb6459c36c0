// Browse: a tab per catalog resource; tabs the connection has no scope for are marked.
import { Tabs } from 'radix-ui'
import type { ProfileView } from '../../../common/profile'
import type { ListResourceId } from '../../../common/zoom/resource-ids'
import { useStore } from '../../store/index'
import { tabAccess } from '../../store/selectors/scopes'
import { ResourcePanel } from './ResourcePanel'
import '../../styles/browse.css'

export default function BrowseScreen({ profile }: { profile: ProfileView }) {
  const status = useStore((s) => s.statuses[profile.id])
  const access = tabAccess(profile, status)
  const tab = useStore((s) => s.browseTabs[profile.id]) ?? 'users'
  const setBrowseTab = useStore((s) => s.setBrowseTab)
  const setTab = (resource: ListResourceId) => setBrowseTab(profile.id, resource)
  return (
    <Tabs.Root value={tab} onValueChange={(v) => setTab(v as ListResourceId)} className="browse">
      <Tabs.List className="resource-tabs" aria-label="Resources">
        {access.map(({ resource, missing, unavailable }) => (
          <Tabs.Trigger key={resource.id} value={resource.id} className="resource-tab" data-missing={missing.length > 0 || unavailable || undefined} title={missing.length > 0 || unavailable ? 'No scope granted for this resource' : undefined}>
            {resource.title}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {access.map(({ resource, missing, unavailable, advice }) => (
        <Tabs.Content key={resource.id} value={resource.id} className="browse-panel">
          {tab === resource.id && <ResourcePanel profile={profile} resource={resource} missing={missing} unavailable={unavailable} {...(advice ? { advice } : {})} />}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  )
}
