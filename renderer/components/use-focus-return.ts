// Focus comes back to the control whose work just finished. A button disabled while its work runs
// (Load, Test connection, Save & connect) loses focus to <body>, so a keyboard user would start
// again from the top of the page; this puts focus back on it when the work ends.
import { useEffect, useRef } from 'react'

/** Focus is nowhere a person put it: on <body> or gone. */
export const focusIsLost = () => document.activeElement === null || document.activeElement === document.body

/**
 * `startedHere`: the work always comes from this control, even when focus was elsewhere as it
 * started (Export's work starts from its dialog, which closes as the button is disabled).
 */
export function useFocusReturn<T extends HTMLElement>(busy: boolean, startedHere = false) {
  const ref = useRef<T>(null)
  const armed = useRef(false)
  useEffect(() => {
    const control = ref.current
    if (busy) {
      // Only when this control started it (it has focus, or lost it by being disabled).
      armed.current = startedHere || document.activeElement === control || focusIsLost()
      return
    }
    if (!armed.current) return
    armed.current = false
    if (control && (focusIsLost() || document.activeElement === control)) control.focus()
  }, [busy])
  return ref
}

/**
 * When `gone` turns true (the control focus was on went away with what it acted on: the last
 * download cleared, a connection disconnected) and focus is lost with it, `target()` takes focus.
 */
export function useFocusWhenGone(gone: boolean, target: () => HTMLElement | null | undefined) {
  const wasGone = useRef(gone)
  useEffect(() => {
    if (gone && !wasGone.current && focusIsLost()) target()?.focus()
    wasGone.current = gone
  }, [gone, target])
}
