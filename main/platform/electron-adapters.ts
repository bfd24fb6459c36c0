// The Electron implementations of main's ports (main/ports.ts).
import { chmodSync, closeSync, constants, createWriteStream, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Clipboard, Dialog, Session, Shell } from 'electron'
import type { LogSink } from '../log/logger'
import { NO_FOLLOW, refusedAsLink } from '../store/no-follow-flag'
import type { ClipboardPort, DialogPort, ProxyResolver, ShellPort } from '../ports'
import { isSafeExternalUrl } from '../external-url'

export function clipboardPort(clipboard: Clipboard): ClipboardPort {
  return { writeText: (text) => clipboard.writeText(text), readText: () => clipboard.readText() }
}

/**
 * Chromium's proxy decision for a URL (system settings, PAC, --proxy-server), from the session
 * whose settings the connect window uses too: "DIRECT", "PROXY host:port; DIRECT", … (session.md).
 */
export function proxyResolverPort(session: Pick<Session, 'resolveProxy'>): ProxyResolver {
  return { resolve: (url) => session.resolveProxy(url) }
}

export function dialogPort(dialog: Dialog, parent: () => BrowserWindow | undefined): DialogPort {
  const withParent = <T>(show: (window: BrowserWindow | undefined) => Promise<T>) => show(parent())
  return {
    chooseSaveFile: ({ title, defaultName, filters }) =>
      withParent(async (window) => {
        const options = { title, defaultPath: defaultName, filters: filters ?? [] }
        const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
        return result.canceled ? undefined : result.filePath
      }),
    chooseOpenFile: ({ title, filters }) =>
      withParent(async (window) => {
        const options = { title, filters: filters ?? [], properties: ['openFile' as const] }
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
        return result.canceled ? undefined : result.filePaths[0]
      }),
    chooseFolder: ({ title }) =>
      withParent(async (window) => {
        const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
        return result.canceled ? undefined : result.filePaths[0]
      }),
    confirm: ({ title, message, detail, confirmLabel }) =>
      withParent(async (window) => {
        // Cancel is the default and the Escape answer: only a deliberate click confirms.
        const options = { type: 'warning' as const, title, message, ...(detail ? { detail } : {}), buttons: [confirmLabel, 'Cancel'], defaultId: 1, cancelId: 1, noLink: true }
        const result = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options)
        return result.response === 0
      }),
  }
}

export function shellPort(shell: Shell): ShellPort {
  return {
    async openPath(path) {
      const problem = await shell.openPath(path)
      if (problem) throw new Error(problem)
    },
    async openExternal(url) {
      // Only https leaves the app; everything else is refused here, whatever the caller checked.
      if (!isSafeExternalUrl(url)) throw new Error('Only https links can be opened')
      await shell.openExternal(url)
    },
  }
}

/** A log found larger than this at open is started over (the old one kept as main.log.1). */
export const LOG_ROTATE_BYTES = 10 * 1024 * 1024

/**
 * Log lines (already redacted by the logger) go to <userData>/logs/main.log. The folder is made
 * 0700 and the file 0600 even when they were there with wider modes (an older build, a backup
 * restored): redacted lines still name the account's users, meetings and files. The file's mode
 * is changed through its descriptor, so only the file the log writes to is changed.
 */
export function fileLogSink(userData: string): LogSink {
  // Logging must never stop the app: a log that cannot be opened as a file of its own is not kept.
  const fd = prepareLogFile(join(userData, 'logs'))
  if (fd === undefined) return { write: () => undefined }
  narrow(() => fchmodSync(fd, 0o600))
  const stream = createWriteStream('', { fd })
  let failed = false
  // A write that fails (a full disk) would otherwise be an uncaught error in main: the log stops.
  stream.on('error', () => {
    failed = true
  })
  return { write: (record) => void (failed || stream.write(`${record.at} ${record.level} [${record.scope}] ${record.message}\n`)) }
}

/**
 * Makes the log folder and opens main.log in it; undefined when either cannot be had (a file named
 * `logs` in the folder's place, a folder this account may not search).
 */
function prepareLogFile(dir: string): number | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    // Narrowing is a best effort: a log folder or file this account may write but not chmod
    // (another owner's) must not stop the app.
    narrow(() => chmodSync(dir, 0o700))
    rotateLog(join(dir, 'main.log'))
  } catch {
    return undefined
  }
  return openLogFile(join(dir, 'main.log'))
}

// O_NONBLOCK: a FIFO put in the log's place would block the open until something read it.
const APPEND = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0) | NO_FOLLOW

/**
 * Opens the log for appending without following a link in its place (O_NOFOLLOW, where the OS has
 * it): through a link, the log's lines and its mode change would go to whatever file the link
 * names. A link found there is replaced by a file of the log's own. Undefined when there is no
 * regular file to append to (something else in its place, or the open refused).
 */
function openLogFile(path: string): number | undefined {
  let fd: number
  try {
    fd = openSync(path, APPEND, 0o600)
  } catch (error) {
    if (!refusedAsLink(error)) return undefined
    try {
      unlinkSync(path)
      fd = openSync(path, APPEND | constants.O_EXCL, 0o600)
    } catch {
      return undefined
    }
  }
  if (fstatSync(fd).isFile()) return fd
  closeSync(fd)
  return undefined
}

/** A mode change where modes exist; its refusal (EPERM: not the owner) leaves the log working. */
function narrow(change: () => void): void {
  if (process.platform === 'win32') return
  try {
    change()
  } catch {
    // Written to as it is.
  }
}

/**
 * The log is only ever appended to, so without a bound its lines would stay on disk for as long as
 * the app is installed. One past the bound becomes `main.log.1` (the rename replaces the one from
 * the time before), so two files' worth at most remains. Only a plain file is moved (never a link
 * in its place), and the kept one is narrowed to 0600 like the log. A rename that fails (a folder
 * named main.log.1) leaves the log appended to: logging must not stop the app from starting.
 */
function rotateLog(path: string): void {
  const found = lstatSync(path, { throwIfNoEntry: false })
  if (!found?.isFile() || found.size <= LOG_ROTATE_BYTES) return
  try {
    renameSync(path, `${path}.1`)
    narrow(() => chmodSync(`${path}.1`, 0o600))
  } catch {
    // Appended to as before.
  }
}
