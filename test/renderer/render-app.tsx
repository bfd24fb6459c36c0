// Renders the whole app on a fake bridge and waits until it is ready, as the e2e tests do.
import { cleanup, render, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach } from 'vitest'
import { App } from '../../renderer/App'
import { setBridge } from '../../renderer/ipc'
import { resetStore } from '../../renderer/store/index'
import type { FakeOptions } from './fake-bridge'
import { FakeBridge } from './fake-bridge'

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
