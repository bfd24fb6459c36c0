// One connection: its header with status and main actions, and tabs for overview, browse, console, events, edit.
import { Tabs } from 'radix-ui'
import { lazy, Suspense } from 'react'
import { StatusBadge } from '../../components/StatusBadge'
import { useStore } from '../../store/index'
import { profileKind, selectProfile, selectShownState, selectStatus } from '../../store/selectors/connections'
import type { ConnectionTab } from '../../store/slices/session'
import { ConnectionMenu } from '../connections/ConnectionMenu'
import { ConnectionEditor } from '../editor/ConnectionEditor'
import { kindOf } from '../connections/kinds'
import { ConnectButtons } from './ConnectButtons'
import { Overview } from '../overview/Overview'

// The browser (grid, charts) and console are the heaviest screens: loaded when first opened.
const BrowseScreen = lazy(() => import('../browse/BrowseScreen'))
const ConsoleScreen = lazy(() => import('../console/ConsoleScreen'))
const EventsScreen = lazy(() => import('../events/EventsScreen'))

const TABS: { id: ConnectionTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'browse', label: 'Browse' },
  { id: 'console', label: 'Console' },
  { id: 'events', label: 'Events' },
  { id: 'edit', label: 'Edit' },
]

export default function ConnectionScreen({ profileId, tab }: { profileId: string; tab: ConnectionTab }) {
  const profile = useStore(selectProfile(profileId))
  const status = useStore(selectStatus(profileId))
  const state = useStore(selectShownState(profileId))
  const navigate = useStore((s) => s.navigate)
  if (!profile) {
    return (
      <div className="page">
        <p role="alert">This connection no longer exists.</p>
      </div>
    )
  }
  return (
    <div className={tab === 'browse' || tab === 'console' ? 'page wide' : 'page'}>
      <header className="page-head conn-head">
        <div className="stack" style={{ gap: 4, minWidth: 0 }}>
          <div className="row">
            <h1 className="conn-title">{profile.name}</h1>
            <StatusBadge state={state} detail={status?.error?.message} />
          </div>
          <span className="sub">
            {profileKind(profile)} · Client ID <span className="mono">{profile.clientId}</span>
            {profile.description ? ` · ${profile.description}` : ''}
          </span>
        </div>
        <span className="spacer" />
        <ConnectButtons profile={profile} state={state} />
        <ConnectionMenu profile={profile} className="btn btn-icon" />
      </header>
      <Tabs.Root value={tab} onValueChange={(value) => navigate({ screen: 'connection', profileId, tab: value as ConnectionTab })} className="stack" style={{ gap: 16 }}>
        <Tabs.List className="tabs-list" aria-label="Connection">
          {TABS.map((t) => (
            <Tabs.Trigger key={t.id} value={t.id} className="tab">
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="overview" className="tab-panel">
          <Overview profile={profile} status={status} state={state} />
        </Tabs.Content>
        <Tabs.Content value="browse" className="tab-panel">
          <Suspense fallback={<p role="status">Loading the browser…</p>}>{tab === 'browse' && <BrowseScreen profile={profile} />}</Suspense>
        </Tabs.Content>
        <Tabs.Content value="console" className="tab-panel">
          <Suspense fallback={<p role="status">Loading the console…</p>}>{tab === 'console' && <ConsoleScreen profile={profile} />}</Suspense>
        </Tabs.Content>
        <Tabs.Content value="events" className="tab-panel">
          <Suspense fallback={<p role="status">Loading events…</p>}>{tab === 'events' && <EventsScreen profile={profile} />}</Suspense>
        </Tabs.Content>
        <Tabs.Content value="edit" className="tab-panel">
          <ConnectionEditor key={profile.id} profile={profile} kind={kindOf(profile)} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  )
}
