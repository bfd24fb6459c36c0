// Focus goes back to the control that opened a dialog or drawer when it closes. Radix gives focus
// back to its Dialog.Trigger, and these dialogs have none (they open from a grid row, a menu item,
// a button elsewhere), so without this focus lands on <body> and a keyboard user starts again from
// the top of the page.
import { useLayoutEffect, useRef } from 'react'

/**
 * For Radix `Content`'s onCloseAutoFocus. `fallback` names the control to focus when the opener is
 * gone by then (a menu item whose menu closed) or cannot take focus (disabled while its work runs:
 * then useFocusReturn on that control brings focus back when the work ends).
 */
export function useOpenerFocus(open: boolean, fallback?: () => HTMLElement | null): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null)
  // A layout effect runs before Radix's focus scope moves focus into the dialog (a passive effect).
  useLayoutEffect(() => {
    if (!open) return
    const active = document.activeElement
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null
  }, [open])
  return (event: Event) => {
    event.preventDefault()
    const candidates = [opener.current, fallback?.() ?? null]
    opener.current = null
    for (const control of candidates) {
      if (control === null || !control.isConnected) continue
      control.focus()
      if (document.activeElement === control) return
    }
  }
}
