// Registers one ipcMain handler per contract channel, all through the router; pushes events to
// our windows. This is the only file that touches ipcMain.
//
// Cancellation: the preload passes the page's call id (the bridge function's optional second
// argument) after the input; the router parses it and gives the handler an AbortSignal from the
// sending window's running calls. They are all aborted when that webContents is destroyed or its
// main frame navigates to another document (a reload included): Electron's web-contents.md,
// events 'destroyed' ("Emitted when webContents is destroyed") and 'did-navigate' (main frame
// document navigations only; in-page navigations emit 'did-navigate-in-page' instead).
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '../../common/contract/names'
import { eventChannel } from '../../common/contract/events'
import type { EventSink } from '../ports'
import { CallRegistry } from '../ipc/calls'
import type { CallTransport, Router, SenderInfo } from '../ipc/router'

export function senderInfo(event: IpcMainInvokeEvent, isOurWindow: (window: BrowserWindow | null) => boolean, fromWebContents: (contents: Electron.WebContents) => BrowserWindow | null): SenderInfo {
  const frame = event.senderFrame
  return {
    frameUrl: frame?.url ?? '',
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    isOurWindow: isOurWindow(fromWebContents(event.sender)),
  }
}

/** The part of a webContents that tells when its page is gone. */
type Watchable = Pick<Electron.WebContents, 'id' | 'once' | 'on'>

/** The sending window's running calls; its listeners are attached on its first call. */
function transportFor(calls: CallRegistry, watched: WeakSet<object>, contents: Partial<Watchable>, callId: unknown): CallTransport {
  const { id } = contents
  // Only something that can say when it goes away gets a signal (Electron's webContents always can).
  if (typeof id !== 'number' || typeof contents.once !== 'function' || typeof contents.on !== 'function') return { callId }
  if (!watched.has(contents)) {
    watched.add(contents)
    contents.once('destroyed', () => calls.abandon(id, 'the window closed'))
    contents.on('did-navigate', () => calls.abandon(id, 'the page was reloaded or left'))
  }
  return { callId, calls: calls.forWindow(id) }
}

export function registerIpc(
  ipcMain: IpcMain,
  router: Router,
  trust: { isOurWindow: (window: BrowserWindow | null) => boolean; fromWebContents: (contents: Electron.WebContents) => BrowserWindow | null },
  calls: CallRegistry = new CallRegistry(),
): void {
  const watched = new WeakSet<object>()
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, input: unknown, ...rest: unknown[]) => {
      // The call id is passed only when the page gave one, so `rest` is empty or holds it.
      const transport = transportFor(calls, watched, event.sender as Partial<Watchable>, rest[0])
      return router.invoke(name, senderInfo(event, trust.isOurWindow, trust.fromWebContents), input, transport)
    })
  }
}

/** Events go to every live window we created; payloads carry no secrets by contract. */
export function windowEventSink(windows: () => BrowserWindow[]): EventSink {
  return {
    emit(event, payload) {
      for (const window of windows()) {
        // A closing window's page dies first: Electron marks its webContents destroyed and emits
        // 'destroyed' (where our listener aborts that window's calls, whose abort handlers may
        // emit) before the window's own observer closes it, and send() on a destroyed
        // webContents throws "Object has been destroyed" into whatever emitted.
        if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(eventChannel(event), payload)
      }
    },
  }
}
