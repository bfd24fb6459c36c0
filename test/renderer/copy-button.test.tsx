// @vitest-environment happy-dom
// Copy buttons hand non-secret text to main's clipboard (app.copyText). The page's own
// navigator.clipboard is made to fail here as Chromium fails it in the app: the permission check
// handler denies `clipboard-sanitized-write`, so writeText rejects with NotAllowedError.
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CopyButton } from '../../renderer/components/CopyButton'
import { setBridge } from '../../renderer/ipc'
import { resetStore } from '../../renderer/store/index'
import { FakeBridge } from './fake-bridge'

afterEach(() => {
  cleanup()
  setBridge(undefined)
  resetStore()
})

function setup(text: string) {
  const fake = new FakeBridge()
  setBridge(fake.asBridge())
  resetStore()
  const user = userEvent.setup()
  const pageWrite = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'))
  render(<CopyButton text={text} label="Copy redirect URL" />)
  return { fake, user, pageWrite }
}

describe('CopyButton', () => {
  it('copies through main although the page has no clipboard permission', async () => {
    const { fake, user, pageWrite } = setup('http://127.0.0.1:4321/oauth/callback')
    await user.click(screen.getByRole('button', { name: 'Copy redirect URL' }))
    await screen.findByRole('button', { name: 'Copy redirect URL: copied' })
    expect(fake.callsOf('app.copyText')).toEqual([{ text: 'http://127.0.0.1:4321/oauth/callback' }])
    expect(fake.clipboard).toBe('http://127.0.0.1:4321/oauth/callback')
    expect(pageWrite).not.toHaveBeenCalled()
  })

  it('says the copy failed when main refuses it', async () => {
    const { fake, user } = setup('user:read:user')
    fake.failNext('app.copyText', 'VALIDATION', 'Too long to copy.')
    await user.click(screen.getByRole('button', { name: 'Copy redirect URL' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy redirect URL: copy failed' })).toBeTruthy())
    expect(fake.clipboard).toBe('')
  })
})
