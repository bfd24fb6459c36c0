// Effects on <html>: the theme override and the data-app-state marker.
import { useEffect } from 'react'
import { useStore } from '../../store/index'

/** 'system' leaves the choice to prefers-color-scheme; light/dark set data-theme, which the CSS honours. */
export function useTheme(): void {
  const theme = useStore((s) => s.settings?.theme ?? 'system')
  useEffect(() => {
    const html = document.documentElement
    if (theme === 'system') delete html.dataset.theme
    else html.dataset.theme = theme
  }, [theme])
}

/** `[data-app-state=ready]` once the first data is loaded; end-to-end tests wait on it. */
export function useAppStateMarker(): void {
  const bootState = useStore((s) => s.bootState)
  useEffect(() => {
    document.documentElement.dataset.appState = bootState
  }, [bootState])
}
