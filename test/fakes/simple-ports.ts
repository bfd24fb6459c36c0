// Small fakes of the clipboard, dialogs and shell ports.
import type { ClipboardPort, DialogPort, FileFilter, ShellPort } from '../../main/ports'

export class FakeClipboard implements ClipboardPort {
  text = ''
  readonly writes: string[] = []

  writeText(text: string): void {
    this.text = text
    this.writes.push(text)
  }

  readText(): string {
    return this.text
  }
}

export type ConfirmRequest = Parameters<DialogPort['confirm']>[0]

/**
 * Answers queued by the test, in order; an empty queue answers "cancelled" (undefined, or false
 * for a confirmation: as in the real dialog, only a deliberate answer confirms).
 */
export class FakeDialogs implements DialogPort {
  readonly saveAnswers: (string | undefined)[] = []
  readonly openAnswers: (string | undefined)[] = []
  readonly folderAnswers: (string | undefined)[] = []
  readonly confirmAnswers: boolean[] = []
  readonly calls: { kind: 'save' | 'open' | 'folder'; title: string; defaultName?: string; filters?: FileFilter[] }[] = []
  readonly confirmations: ConfirmRequest[] = []

  async chooseSaveFile(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | undefined> {
    this.calls.push({ kind: 'save', ...options })
    return this.saveAnswers.shift()
  }

  async chooseOpenFile(options: { title: string; filters?: FileFilter[] }): Promise<string | undefined> {
    this.calls.push({ kind: 'open', ...options })
    return this.openAnswers.shift()
  }

  async chooseFolder(options: { title: string }): Promise<string | undefined> {
    this.calls.push({ kind: 'folder', ...options })
    return this.folderAnswers.shift()
  }

  async confirm(options: ConfirmRequest): Promise<boolean> {
    this.confirmations.push(options)
    return this.confirmAnswers.shift() ?? false
  }
}

export class FakeShell implements ShellPort {
  readonly opened: string[] = []
  readonly external: string[] = []

  async openPath(path: string): Promise<void> {
    this.opened.push(path)
  }

  async openExternal(url: string): Promise<void> {
    this.external.push(url)
  }
}
