import { channel, noInput } from './define'

/** Where the app's own updates stand; release notes are plain text (main strips any markup). */
export type UpdateState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'available'; version: string; releaseNotes: string; releaseDate?: string }
  | { status: 'not-available'; checkedAt: string }
  | { status: 'downloading'; version: string; percent: number; transferred: number; total: number; bytesPerSecond: number }
  | { status: 'downloaded'; version: string; releaseNotes: string }
  | { status: 'error'; message: string }

export interface UpdatesSnapshot {
  currentVersion: string
  /** False where the app cannot update itself (a development build); `disabledReason` says why. */
  enabled: boolean
  disabledReason?: string
  state: UpdateState
}

export const updatesChannels = {
  'updates.state': channel<UpdatesSnapshot>()(noInput),
  /** Asks the release feed for a newer version; the answer also arrives as `updates.changed`. */
  'updates.check': channel<UpdatesSnapshot>()(noInput),
  /** Downloads the available version (progress arrives as `updates.changed`). */
  'updates.download': channel<UpdatesSnapshot>()(noInput),
  /** Quits, installs the downloaded version and starts it. */
  'updates.install': channel<void>()(noInput),
}
