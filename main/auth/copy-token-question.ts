// The question main asks before it puts an access token on the clipboard.
import { quotedName } from '../dialog-text'
import type { DialogPort } from '../ports'

/**
 * Electron's clipboard.writeText writes plain text: it cannot mark it confidential, so Windows
 * clipboard history and cloud clipboard, macOS Universal Clipboard and Linux clipboard managers
 * may keep or share a copy that clearing the clipboard later does not reach.
 */
const KEPT_ELSEWHERE: Partial<Record<NodeJS.Platform, string>> = {
  win32: ' Windows clipboard history (Win+V) and clipboard sync keep their own copy, which is not cleared.',
  darwin: ' Universal Clipboard may pass it to your other Apple devices, where it is not cleared.',
  linux: ' A clipboard manager may keep its own copy, which is not cleared.',
}

export function copyTokenQuestion(profileName: string, clearsAfterSeconds: number, platform: NodeJS.Platform = process.platform): Parameters<DialogPort['confirm']>[0] {
  return {
    title: 'Copy access token',
    message: 'Copy this connection’s access token to the clipboard?',
    detail: `Connection: ${quotedName(profileName)}\n\nWhoever holds the token can call Zoom as this connection, and any app on this computer can read the clipboard. Zoom Connect clears it after ${clearsAfterSeconds} seconds.${KEPT_ELSEWHERE[platform] ?? ''} If you did not just ask to copy the token, choose Cancel.`,
    confirmLabel: 'Copy token',
  }
}
