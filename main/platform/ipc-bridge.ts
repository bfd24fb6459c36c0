// Registers one ipcMain handler per contract channel, all through the router; pushes events to
// our windows. This is the only file that touches ipcMain.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '../../common/contract/names'
import { eventChannel } from '../../common/contract/events'
import type { EventSink } from '../ports'
import type { Router, SenderInfo } from '../ipc/router'

export function senderInfo(event: IpcMainInvokeEvent, isOurWindow: (window: BrowserWindow | null) => boolean, fromWebContents: (contents: Electron.WebContents) => BrowserWindow | null): SenderInfo {
  const frame = event.senderFrame
  return {
    frameUrl: frame?.url ?? '',
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    isOurWindow: isOurWindow(fromWebContents(event.sender)),
  }
}

export function registerIpc(
  ipcMain: IpcMain,
  router: Router,
  trust: { isOurWindow: (window: BrowserWindow | null) => boolean; fromWebContents: (contents: Electron.WebContents) => BrowserWindow | null },
): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, input: unknown) => router.invoke(name, senderInfo(event, trust.isOurWindow, trust.fromWebContents), input))
  }
}

/** Events go to every live window we created; payloads carry no secrets by contract. */
export function windowEventSink(windows: () => BrowserWindow[]): EventSink {
  return {
    emit(event, payload) {
      for (const window of windows()) {
        if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload)
      }
    },
  }
}
