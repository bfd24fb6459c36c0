// Keyboard behaviour forms share: Enter on a checkbox toggles it (a browser would submit the form,
// which for the editor means a real token request), and focus going to the first invalid field.
import type { KeyboardEvent } from 'react'

/** A form's onKeyDown: Enter on a checkbox toggles it like Space, and never submits. */
export function checkboxEnterToggles(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || target.type !== 'checkbox') return
  event.preventDefault()
  target.click()
}

/** Focuses the first field marked aria-invalid, opening a folded <details> around it first. */
export function focusFirstInvalid(root: HTMLElement): boolean {
  const field = root.querySelector<HTMLElement>('[aria-invalid="true"]')
  if (!field) return false
  for (let folded = field.closest('details'); folded; folded = folded.parentElement?.closest('details') ?? null) folded.open = true
  field.focus()
  field.scrollIntoView?.({ block: 'center' })
  return true
}
