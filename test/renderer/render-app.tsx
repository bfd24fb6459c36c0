// Renders the whole app on a fake bridge and waits until it is ready, as the e2e tests do.
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach } from 'vitest'
import { App } from '../../renderer/App'
import { setBridge } from '../../renderer/ipc'
import { resetStore } from '../../renderer/store/index'
import type { FakeOptions } from './fake-bridge'
import { FakeBridge, makeProfile } from './fake-bridge'

// Screens load lazily (React.lazy): on a busy 2-core CI machine the first chunk import can take
// longer than Testing Library's default 1 s wait, so findBy*/waitFor get 10 s before failing.
configure({ asyncUtilTimeout: 10_000 })

afterEach(() => {
  cleanup()
  setBridge(undefined)
  resetStore()
  delete document.documentElement.dataset.appState
  delete document.documentElement.dataset.theme
})

export async function renderApp(options: FakeOptions = {}) {
  const fake = new FakeBridge(options)
  setBridge(fake.asBridge())
  resetStore()
  const user = userEvent.setup()
  const utils = render(<App />)
  await waitFor(() => {
    if (document.documentElement.dataset.appState !== 'ready') throw new Error(`app state is ${document.documentElement.dataset.appState}`)
  })
  return { fake, user, ...utils }
}

/**
 * The app with one connected connection, "Acme", granted recording:read:admin, on Browse with its
 * Cloud recordings list loaded (rowCount rows from the fake).
 */
export async function renderLoadedRecordings(rowCount: number) {
  const profile = makeProfile({ name: 'Acme' })
  const app = await renderApp({ profiles: [profile], rowCount, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['recording:read:admin'], hasRefreshToken: false }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Cloud recordings' }))
  await app.user.click(await screen.findByRole('button', { name: 'Load cloud recordings' }))
  return { ...app, profile }
}
