// The frame: the connections sidebar and the main area showing the current view.
import { lazy, Suspense } from 'react'
import { useStore } from '../../store/index'
import { Welcome } from '../connections/Welcome'
import { StoreProblems } from '../settings/StoreProblems'
import { UnlockScreen } from '../settings/UnlockScreen'
import { Sidebar } from './Sidebar'

// Heavier screens load on first use to keep the start-up bundle small.
const ConnectionScreen = lazy(() => import('../connection/ConnectionScreen'))
const NewConnectionScreen = lazy(() => import('../connections/NewConnectionScreen'))
const SettingsScreen = lazy(() => import('../settings/SettingsScreen'))

export function AppShell() {
  const bootState = useStore((s) => s.bootState)
  const bootError = useStore((s) => s.bootError)
  const boot = useStore((s) => s.boot)
  if (bootState === 'failed') {
    return (
      <main className="boot" aria-labelledby="boot-error-title">
        <div className="lock-card card" role="alert">
          <h1 id="boot-error-title">Zoom Connect could not start</h1>
          <p>{bootError}</p>
          <button type="button" className="btn btn-primary" onClick={() => boot()}>
            Try again
          </button>
        </div>
      </main>
    )
  }
  if (bootState !== 'ready') {
    return (
      <div className="boot" role="status">
        Loading your connections…
      </div>
    )
  }
  return (
    <div className="shell">
      <Sidebar />
      <main className="main" id="main" aria-label="Main">
        <ProblemsBanner />
        <Suspense fallback={<div className="boot" role="status">Loading…</div>}>
          <MainView />
        </Suspense>
      </main>
    </div>
  )
}

/** Store problems stay in view until dismissed (they are also listed in Settings). */
function ProblemsBanner() {
  const onSettings = useStore((s) => s.view.screen === 'settings')
  return onSettings ? null : <StoreProblems compact />
}

function MainView() {
  const view = useStore((s) => s.view)
  const locked = useStore((s) => s.vault?.state === 'locked')
  if (view.screen === 'settings') return <SettingsScreen />
  if (locked) return <UnlockScreen />
  switch (view.screen) {
    case 'home':
      return <Welcome />
    case 'new':
      return <NewConnectionScreen key={view.kind ?? 'any'} kind={view.kind} />
    case 'connection':
      return <ConnectionScreen key={view.profileId} profileId={view.profileId} tab={view.tab} />
  }
}
