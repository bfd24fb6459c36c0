// The app rendered with one connected connection ("Acme"), on its Console tab.
import { screen, within } from '@testing-library/react'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

export async function openConsole() {
  const p = makeProfile({ name: 'Acme' })
  const app = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, apiUrl: 'https://api.zoom.us' }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Console' }))
  await screen.findByRole('form', { name: 'Request' })
  return { ...app, p }
}
