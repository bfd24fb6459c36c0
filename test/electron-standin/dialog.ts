// The `dialog` module (docs/api/dialog.md). Nothing can be shown here, so the test scripts every
// answer: an unscripted dialog fails loudly instead of pretending a user clicked something.
// The optional first argument is the parent window (dialog.md: "browserWindow BaseWindow (optional)").
export type DialogKind = 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'
export interface DialogCall {
  kind: DialogKind
  options: Record<string, unknown>
  parent: unknown
}
export type SaveDialogAnswer = { canceled: boolean; filePath: string }
export type OpenDialogAnswer = { canceled: boolean; filePaths: string[] }
export type MessageBoxAnswer = { response: number; checkboxChecked: boolean }
export type DialogScript = (call: DialogCall) => SaveDialogAnswer | OpenDialogAnswer | MessageBoxAnswer | undefined | Promise<SaveDialogAnswer | OpenDialogAnswer | MessageBoxAnswer | undefined>

export function createDialog(isBrowserWindow: (value: unknown) => boolean) {
  const calls: DialogCall[] = []
  let script: DialogScript | undefined
  const split = (args: unknown[]): [unknown, Record<string, unknown>] => (isBrowserWindow(args[0]) ? [args[0], (args[1] ?? {}) as Record<string, unknown>] : [undefined, (args[0] ?? {}) as Record<string, unknown>])
  async function ask<T>(kind: DialogKind, args: unknown[]): Promise<T> {
    const [parent, options] = split(args)
    const call = { kind, options, parent }
    calls.push(call)
    const answer = await script?.(call)
    if (answer === undefined) throw new Error(`dialog.${kind}: the test scripted no answer (controls.dialogs.script)`)
    return answer as T
  }
  const notSync = (name: string) => () => {
    throw new Error(`not emulated: dialog.${name} (blocking dialogs; use the promise form)`)
  }
  return {
    dialog: {
      showSaveDialog: (...args: unknown[]) => ask<SaveDialogAnswer>('showSaveDialog', args),
      showOpenDialog: (...args: unknown[]) => ask<OpenDialogAnswer>('showOpenDialog', args),
      showMessageBox: (...args: unknown[]) => ask<MessageBoxAnswer>('showMessageBox', args),
      // dialog.md: showErrorBox is synchronous and may be called before `ready`; it only records here.
      showErrorBox(title: string, content: string) {
        calls.push({ kind: 'showErrorBox', options: { title, content }, parent: undefined })
      },
      showSaveDialogSync: notSync('showSaveDialogSync'),
      showOpenDialogSync: notSync('showOpenDialogSync'),
      showMessageBoxSync: notSync('showMessageBoxSync'),
      showCertificateTrustDialog: notSync('showCertificateTrustDialog'),
    },
    controls: {
      /** Every dialog main asked for, in order. */
      calls,
      /** Answers dialogs: return undefined for a call the test did not expect (it then fails). */
      script(next: DialogScript | undefined) {
        script = next
      },
    },
  }
}
