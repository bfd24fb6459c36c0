// How a quit waits for the core: windows hidden at once, a launch during the wait taken as "start
// again afterwards", and none of that when the OS is ending the session. The app entry test runs
// the same through main/index.ts on the stand-in; this covers the session end, which the stand-in
// cannot raise.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { browserUnlessQuitting, quitAfterDispose, runsFromAppImage } from '../../../main/platform/quit-after-dispose'

function fakeApp() {
  const calls: string[] = []
  const emitter = new EventEmitter()
  const app = {
    on: (event: 'before-quit', listener: (event: { preventDefault(): void }) => void) => emitter.on(event, listener),
    relaunch: () => void calls.push('relaunch'),
    quit() {
      calls.push('quit')
      let prevented = false
      emitter.emit('before-quit', { preventDefault: () => (prevented = true) })
      if (!prevented) calls.push('exit')
    },
  }
  return { app, calls }
}

function fakeWindow(destroyed = false) {
  return { hidden: false, hide() { this.hidden = true }, isDestroyed: () => destroyed }
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('quitAfterDispose', () => {
  it('hides every window the moment a quit starts, and exits only after dispose has finished', async () => {
    const { app, calls } = fakeApp()
    const windows = [fakeWindow(), fakeWindow(), fakeWindow(true)]
    const quitting = quitAfterDispose(app, () => windows, { canRelaunch: true })
    const dispose = deferred()
    quitting.holdQuitFor(() => dispose.promise)
    expect(quitting.isQuitting()).toBe(false)
    app.quit()
    expect(windows.map((w) => w.hidden)).toEqual([true, true, false])
    expect(quitting.isQuitting()).toBe(true)
    expect(calls).toEqual(['quit'])
    dispose.resolve()
    await expect.poll(() => calls).toEqual(['quit', 'quit', 'exit'])
  })

  it('takes a launch during the wait as "start again once exited", and before a quit leaves it to the caller', async () => {
    const { app, calls } = fakeApp()
    const quitting = quitAfterDispose(app, () => [], { canRelaunch: true })
    const dispose = deferred()
    quitting.holdQuitFor(() => dispose.promise)
    expect(quitting.secondInstanceWhileQuitting()).toBe(false)
    app.quit()
    expect(quitting.secondInstanceWhileQuitting()).toBe(true)
    expect(calls).toEqual(['quit'])
    dispose.resolve()
    await expect.poll(() => calls).toEqual(['quit', 'relaunch', 'quit', 'exit'])
  })

  it('a launch handed over after the wait, while the quit itself runs (windows closing, lock still held), still starts the app again', async () => {
    const { app, calls } = fakeApp()
    const quitting = quitAfterDispose(app, () => [], { canRelaunch: true })
    quitting.holdQuitFor(() => Promise.resolve())
    app.quit()
    await expect.poll(() => calls).toEqual(['quit', 'quit', 'exit'])
    expect(quitting.secondInstanceWhileQuitting()).toBe(true)
    expect(calls).toEqual(['quit', 'quit', 'exit', 'relaunch'])
    // A second such launch: still one new instance, not two.
    expect(quitting.secondInstanceWhileQuitting()).toBe(true)
    expect(calls).toEqual(['quit', 'quit', 'exit', 'relaunch'])
  })

  it('does not start again after the session ended, even when a launch came in the meantime', async () => {
    const { app, calls } = fakeApp()
    const windows = [fakeWindow()]
    const quitting = quitAfterDispose(app, () => windows, { canRelaunch: true })
    const dispose = deferred()
    const held = quitting.holdQuitFor(() => dispose.promise)
    let prevented = false
    held.onSessionEnd({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    expect(windows[0]!.hidden).toBe(true)
    expect(quitting.secondInstanceWhileQuitting()).toBe(true)
    dispose.resolve()
    await expect.poll(() => calls).toEqual(['quit', 'exit'])
  })

  it('still quits when dispose fails', async () => {
    const { app, calls } = fakeApp()
    const quitting = quitAfterDispose(app, () => [], { canRelaunch: true })
    quitting.holdQuitFor(() => Promise.reject(new Error('vault write failed')))
    app.quit()
    await expect.poll(() => calls).toEqual(['quit', 'quit', 'exit'])
  })

  it('does not ask for a relaunch where it cannot work (a packaged AppImage), and still quits', async () => {
    const { app, calls } = fakeApp()
    const quitting = quitAfterDispose(app, () => [], { canRelaunch: false })
    const dispose = deferred()
    quitting.holdQuitFor(() => dispose.promise)
    app.quit()
    expect(quitting.secondInstanceWhileQuitting()).toBe(true)
    dispose.resolve()
    await expect.poll(() => calls).toEqual(['quit', 'quit', 'exit'])
  })

  it('knows a packaged AppImage by the APPIMAGE the runtime sets', () => {
    expect(runsFromAppImage('linux', true, { APPIMAGE: '/home/a/Zoom Connect.AppImage' })).toBe(true)
    expect(runsFromAppImage('linux', false, { APPIMAGE: '/home/a/other.AppImage' })).toBe(false)
    expect(runsFromAppImage('linux', true, {})).toBe(false)
    expect(runsFromAppImage('linux', true, { APPIMAGE: '' })).toBe(false)
    expect(runsFromAppImage('darwin', true, { APPIMAGE: '/x.AppImage' })).toBe(false)
  })

  it('refuses to open the system browser once a quit waits, and opens it before', async () => {
    const { app } = fakeApp()
    const quitting = quitAfterDispose(app, () => [], { canRelaunch: true })
    quitting.holdQuitFor(() => new Promise<void>(() => {}))
    const opened: string[] = []
    const browser = browserUnlessQuitting({ open: async (url) => void opened.push(url) }, quitting)
    await browser.open('https://zoom.us/oauth/authorize?a=1')
    app.quit()
    await expect(browser.open('https://zoom.us/oauth/authorize?a=2')).rejects.toMatchObject({ code: 'AUTH_FLOW_CANCELLED' })
    expect(opened).toEqual(['https://zoom.us/oauth/authorize?a=1'])
  })
})
