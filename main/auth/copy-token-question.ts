// The question main asks before it puts an access token on the clipboard.
import { quotedName } from '../dialog-text'
import type { DialogPort } from '../ports'

export function copyTokenQuestion(profileName: string, clearsAfterSeconds: number): Parameters<DialogPort['confirm']>[0] {
  return {
    title: 'Copy access token',
    message: 'Copy this connection’s access token to the clipboard?',
    detail: `Connection: ${quotedName(profileName)}\n\nWhoever holds the token can call Zoom as this connection, and any app on this computer can read the clipboard. Zoom Connect clears it after ${clearsAfterSeconds} seconds. If you did not just ask to copy the token, choose Cancel.`,
    confirmLabel: 'Copy token',
  }
}
