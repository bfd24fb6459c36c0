// The root: starts the session (first data + events), applies the theme, exposes the ready marker
// the end-to-end tests wait on, and renders the shell.
import { Tooltip } from 'radix-ui'
import { useEffect } from 'react'
import { Toaster } from './components/Toaster'
import { AppShell } from './features/shell/AppShell'
import { useAppStateMarker, useTheme } from './features/shell/document-effects'
import { useStore } from './store/index'

export function App() {
  const boot = useStore((s) => s.boot)
  useEffect(() => boot(), [boot])
  useTheme()
  useAppStateMarker()
  return (
    <Tooltip.Provider delayDuration={400}>
      <AppShell />
      <Toaster />
    </Tooltip.Provider>
  )
}
