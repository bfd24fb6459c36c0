// The port the app's updater implements (re-exported by main/ports.ts with the other ports).

/** What the app's updater reports (electron-updater's autoUpdater events, in our words). */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string; releaseNotes?: UpdateReleaseNotes; releaseDate?: string }
  | { type: 'not-available'; version: string }
  | { type: 'progress'; percent: number; transferred: number; total: number; bytesPerSecond: number }
  | { type: 'downloaded'; version: string; releaseNotes?: UpdateReleaseNotes }
  | { type: 'error'; message: string }

/** Release notes as the feed gives them: HTML text, or one note per version. Never trusted markup. */
export type UpdateReleaseNotes = string | readonly { version: string; note: string | null }[] | null

/** The app's own updates from its release feed (electron-updater in main/platform/updater.ts). */
export interface UpdaterPort {
  /** Why this build cannot update itself (e.g. not packaged); undefined when it can. */
  readonly unavailableReason: string | undefined
  /** Resolves when the check is done; what it found arrives as events. */
  checkForUpdates(): Promise<void>
  /** Resolves when the download is done; progress arrives as events. */
  downloadUpdate(): Promise<void>
  /** Quits the app, installs the downloaded update and starts the new version. */
  quitAndInstall(): void
  onEvent(listener: (event: UpdaterEvent) => void): () => void
}
