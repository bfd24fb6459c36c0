// nativeTheme (docs/api/native-theme.md): themeSource 'system' follows the OS (set by the test),
// 'light'/'dark' override it; shouldUseDarkColors follows; 'updated' fires on a change. Pages see
// the result as prefers-color-scheme, as Chromium's own pages do in Electron.
import { EventEmitter } from 'node:events'

export type ThemeSource = 'system' | 'light' | 'dark'

export function createNativeTheme(apply: (dark: boolean) => void) {
  let system: 'light' | 'dark' = 'light'
  let source: ThemeSource = 'system'
  const theme = new (class extends EventEmitter {
    get shouldUseDarkColors() {
      return (source === 'system' ? system : source) === 'dark'
    }
    get shouldUseHighContrastColors() {
      return false
    }
    get shouldUseInvertedColorScheme() {
      return false
    }
    get themeSource() {
      return source
    }
    set themeSource(value: ThemeSource) {
      if (!['system', 'light', 'dark'].includes(value)) throw new TypeError(`Invalid themeSource: ${String(value)}`)
      const before = this.shouldUseDarkColors
      source = value
      if (before !== this.shouldUseDarkColors) changed()
    }
  })()
  const changed = () => {
    apply(theme.shouldUseDarkColors)
    theme.emit('updated')
  }
  return {
    nativeTheme: theme,
    setSystemTheme(value: 'light' | 'dark') {
      const before = theme.shouldUseDarkColors
      system = value
      if (before !== theme.shouldUseDarkColors) changed()
    },
  }
}
