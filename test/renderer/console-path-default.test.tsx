// @vitest-environment happy-dom
// The console's Path starts empty, its default (/users/me) a placeholder that an empty field sends:
// a person who clicks in and types a path gets that path, not it appended to /users/me. The
// keyboard flow stays: Tab in, Enter sends; the suggestions wait for typing or ArrowDown.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { openConsole } from './open-console'

async function openConsoleWithPath() {
  const app = await openConsole()
  return { ...app, path: screen.getByRole('combobox', { name: 'Path' }) as HTMLInputElement }
}

describe('the console’s Path field', () => {
  it('starts empty with /users/me as its placeholder, and what is typed into it is the path', async () => {
    const { user, path } = await openConsoleWithPath()
    expect(path.value).toBe('')
    expect(path.placeholder).toMatch(/^\/users\/me\b/)
    // The preview says what an empty field sends.
    expect(screen.getByText('https://api.zoom.us/v2/users/me')).toBeTruthy()
    await user.click(path)
    await user.type(path, '/users/{{userId}/meetings')
    expect(path.value).toBe('/users/{userId}/meetings')
    expect(screen.queryByText(/users\/me/)).toBeNull()
  })

  it('sends /users/me when left empty, from the keyboard, and the history shows it', async () => {
    const { user, fake, p, path } = await openConsoleWithPath()
    await user.click(screen.getByLabelText('Method'))
    await user.tab()
    expect(document.activeElement).toBe(path)
    // Nothing typed yet: no list covers the form.
    expect(path.getAttribute('aria-expanded')).toBe('false')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(fake.callsOf('console.send')).toEqual([{ profileId: p.id, method: 'GET', url: '/users/me', query: [], headers: [] }]))
    const history = screen.getByRole('region', { name: 'History' })
    await waitFor(() => expect(within(history).getByText('/users/me')).toBeTruthy())
    // ArrowDown still offers the operations over an empty field.
    path.focus()
    await user.keyboard('{ArrowDown}')
    expect(path.getAttribute('aria-expanded')).toBe('true')
  })

  it('sends nothing with another method while the Path is empty: a DELETE or PATCH never goes to /users/me unseen', async () => {
    const { user, fake, path } = await openConsoleWithPath()
    for (const method of ['DELETE', 'PATCH', 'POST', 'PUT']) {
      await user.selectOptions(screen.getByLabelText('Method'), method)
      expect(path.placeholder).not.toMatch(/users\/me/)
      expect(screen.getByText(/Type the path: only a GET sends \/users\/me/)).toBeTruthy()
      expect((screen.getByRole('button', { name: /^Send/ }) as HTMLButtonElement).disabled).toBe(true)
      path.focus()
      await user.keyboard('{Enter}')
      await user.keyboard('{Control>}{Enter}{/Control}')
    }
    expect(fake.callsOf('console.send')).toEqual([])
    // The typed path is what goes, whatever the method.
    await user.type(path, '/users/u1')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(fake.callsOf('console.send')).toEqual([expect.objectContaining({ method: 'PUT', url: '/users/u1' })]))
  })
})
