// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { openConsole } from './open-console'


describe('request console', () => {
  it('sends the request through main and shows status, time and pretty JSON, then lists it in the history', async () => {
    const { user, fake, p } = await openConsole()
    await user.click(screen.getByRole('button', { name: 'Add query parameter' }))
    await user.type(screen.getByRole('textbox', { name: 'Query parameter 1 name' }), 'page_size')
    await user.type(screen.getByRole('textbox', { name: 'Query parameter 1 value' }), '10')
    expect(screen.getByText('https://api.zoom.us/v2/users/me?page_size=10')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(fake.callsOf('console.send')).toEqual([{ profileId: p.id, method: 'GET', url: '/users/me', query: [{ name: 'page_size', value: '10' }], headers: [] }]))
    expect((await screen.findByTestId('response-status')).textContent).toBe('200 OK')
    expect(screen.getByLabelText('Response body, formatted').textContent).toContain('"email": "admin@example.com"')
    const history = screen.getByRole('region', { name: 'History' })
    await waitFor(() => expect(within(history).getByText('/users/me')).toBeTruthy())
  })

  it('copies the response body as it shows it, formatted', async () => {
    const { user, fake } = await openConsole()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    const shown = (await screen.findByLabelText('Response body, formatted')).textContent ?? ''
    expect(shown).toContain('\n')
    await user.click(screen.getByRole('button', { name: 'Copy response body' }))
    await waitFor(() => expect(fake.callsOf('app.copyText')).toHaveLength(1))
    expect(fake.clipboard).toBe(shown)
  })

  it('copies a curl command that carries only the token placeholder', async () => {
    const { user, fake } = await openConsole()
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }))
    // Main's clipboard (app.copyText), not the page's.
    await waitFor(() => expect(fake.callsOf('app.copyText')).toHaveLength(1))
    const text = fake.clipboard
    expect(text).toContain("--url 'https://api.zoom.us/v2/users/me'")
    expect(text).toContain('Authorization: Bearer $ZOOM_ACCESS_TOKEN')
  })

  it('refuses to send a body that is not JSON and says why next to it', async () => {
    const { user, fake } = await openConsole()
    await user.selectOptions(screen.getByLabelText('Method'), 'POST')
    // Only a GET sends the empty Path's default: a POST names its path.
    await user.type(screen.getByRole('combobox', { name: 'Path' }), '/users/me/meetings')
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('tab', { name: 'Body' }))
    const body = screen.getByLabelText('JSON body')
    await user.clear(body)
    await user.type(body, '{{"topic": ')
    expect(body.getAttribute('aria-invalid')).toBe('true')
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true)
    await user.type(body, '"Sync"}')
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(false)
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(fake.callsOf('console.send')[0]).toMatchObject({ method: 'POST', url: '/users/me/meetings', body: '{"topic": "Sync"}' }))
  })
})
