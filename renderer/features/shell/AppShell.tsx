// The frame: the connections sidebar and the main area showing the current view.
import { lazy, Suspense, useEffect, useRef } from 'react'
import { focusIsLost } from '../../components/use-focus-return'
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
      {/* The first stop of Tab: past the sidebar's connection list straight to the content. */}
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <Sidebar />
      <main className="main" id="main" aria-label="Main" tabIndex={-1}>
        <ProblemsBanner />
        <Suspense fallback={<div className="boot" role="status">Loading…</div>}>
          <MainView />
        </Suspense>
      </main>
    </div>
  )
}

/** Moves focus (not only the scroll position) into the main area, so the next Tab continues there. */
function skipToMain(event: React.MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  document.getElementById('main')?.focus()
}

/** Store problems stay in view until dismissed (they are also listed in Settings). */
function ProblemsBanner() {
  const onSettings = useStore((s) => s.view.screen === 'settings')
  return onSettings ? null : <StoreProblems compact />
}

function MainView() {
  const view = useStore((s) => s.view)
  const locked = useStore((s) => s.vault?.state === 'locked')
  // Each screen and tab opens at its top, not where the previous one was scrolled to (after
  // saving a long editor form, the overview would otherwise open scrolled into blank space).
  const place = `${view.screen}|${'profileId' in view ? view.profileId : ''}|${'tab' in view ? view.tab : ''}`
  // The screen shown before; undefined at start-up, where Tab begins at the skip link.
  const shownBefore = useRef<string>(undefined)
  useEffect(() => {
    const main = document.getElementById('main')
    main?.scrollTo?.({ top: 0 })
    // A screen that replaced the control a keyboard user was on (Save & connect's editor) leaves
    // focus on <body>: the next Tab would restart in the sidebar and a screen reader says nothing.
    // Its heading takes focus instead, so its name is read and Tab goes on inside the screen.
    const changed = shownBefore.current !== undefined && shownBefore.current !== place
    shownBefore.current = place
    if (main && changed && focusIsLost()) focusHeading(main)
  }, [place])
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

/** The screen's first heading (focusable by script only), else the main area itself. */
function focusHeading(main: HTMLElement) {
  const heading = main.querySelector<HTMLElement>('h1')
  if (!heading) return main.focus({ preventScroll: true })
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
  heading.focus({ preventScroll: true })
}
