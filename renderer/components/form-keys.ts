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

/**
 * After a navigation, focuses the field labelled `label` once it is on screen (opening a folded
 * <details> around it), e.g. the editor's Allowed domains from the console's refusal.
 */
export function focusWhenShown(label: string, tries = 20): void {
  const field = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)?.control
  if (field instanceof HTMLElement) {
    for (let folded = field.closest('details'); folded; folded = folded.parentElement?.closest('details') ?? null) folded.open = true
    field.focus()
    field.scrollIntoView?.({ block: 'center' })
    return
  }
  if (tries > 0) requestAnimationFrame(() => focusWhenShown(label, tries - 1))
}
