// @vitest-environment happy-dom
// An imported connection has no token and, when its kind uses one, no Client Secret (exports never
// contain secrets). What the app tells the person must match: pressing Connect first would only fail.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const openConnection = async (user: Awaited<ReturnType<typeof renderApp>>['user'], name: string) => {
  await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name }))
  return screen.findByRole('region', { name: 'Token' })
}

describe('an imported connection', () => {
  it('says after the import that there is no token and no secret yet, and what to do', async () => {
    const { user, fake } = await renderApp()
    await user.click(screen.getByRole('button', { name: /Import connections/ }))
    expect(fake.callsOf('profiles.importFile')).toHaveLength(1)
    expect(await screen.findByText('No token yet, and exports never contain secrets: enter the Client Secret of each one that uses one (Edit), then press Connect.')).toBeTruthy()
  })

  it('without its Client Secret, says so on the overview instead of "Press Connect", and leads to Edit', async () => {
    const imported = makeProfile({ name: 'From file', hasClientSecret: false })
    const { user, fake } = await renderApp({ profiles: [imported] })
    const token = await openConnection(user, 'From file')
    const advice = within(token).getByTestId('token-advice')
    expect(advice.textContent).toContain('No token yet, and no Client Secret is stored')
    expect(advice.textContent).toContain('Enter the Client Secret in Edit, then press Connect.')
    await user.click(within(advice).getByRole('button', { name: 'Enter the Client Secret' }))
    await screen.findByRole('tab', { name: 'Edit', selected: true })
    expect(screen.getByLabelText('Client Secret')).toBeTruthy()
    expect(fake.callsOf('auth.connect')).toHaveLength(0)
  })

  it('a public client, which has no secret to enter, is only told to press Connect', async () => {
    const imported = makeProfile({ name: 'CLI', grant: 'authorization_code', appType: 'user', clientType: 'public', accountId: '', hasClientSecret: false, redirectUri: 'https://localhost/zoom-connect/callback', scopes: ['user:read:user'] })
    const { user } = await renderApp({ profiles: [imported] })
    const token = await openConnection(user, 'CLI')
    expect(within(token).getByTestId('token-advice').textContent).toBe('No token. Press Connect to get one.')
    expect(within(token).queryByRole('button', { name: 'Enter the Client Secret' })).toBeNull()
  })

  it('with its secret entered, is told to press Connect', async () => {
    const { user } = await renderApp({ profiles: [makeProfile({ name: 'Acme' })] })
    const token = await openConnection(user, 'Acme')
    expect(within(token).getByTestId('token-advice').textContent).toBe('No token. Press Connect to get one.')
  })
})
