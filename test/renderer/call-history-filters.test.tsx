// @vitest-environment happy-dom
// The Call history tab filters by call result and direction (Zoom's call_results and directions),
// offering each result as a person says it ("Missed (no answer)") and sending Zoom's value.
import { screen, within } from '@testing-library/react'
import { expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

it('offers Result and Direction on Call history and sends call_results and directions', async () => {
  const scopes = ['phone:read:admin']
  const profile = makeProfile({ name: 'Acme', scopes })
  const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: scopes, hasRefreshToken: false }] })
  await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await user.click(await screen.findByRole('tab', { name: 'Call history' }))
  const result = (await screen.findByRole('combobox', { name: 'Result' })) as HTMLSelectElement
  const direction = screen.getByRole('combobox', { name: 'Direction' }) as HTMLSelectElement
  expect([...direction.options].map((o) => o.textContent)).toEqual(['Any', 'Inbound', 'Outbound'])
  await user.selectOptions(result, 'Missed (no answer)')
  await user.selectOptions(direction, 'Inbound')
  await user.click(screen.getByRole('button', { name: /^Load call history/i }))
  await screen.findByRole('progressbar', { name: 'Loading progress' })
  expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: '/phone/call_history', params: { call_results: 'no_answer', directions: 'inbound' } })
})
