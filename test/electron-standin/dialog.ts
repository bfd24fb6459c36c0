// The `dialog` module (docs/api/dialog.md). Nothing can be shown here, so the test scripts every
// answer: an unscripted dialog fails loudly instead of pretending a user clicked something.
// The optional first argument is the parent window (dialog.md: "browserWindow BaseWindow (optional)").
// Before an answer is asked for, the options are checked as lib/browser/api/dialog.ts checks them:
// "dialog module can only be used after app is ready", and a TypeError for a title, message,
// detail, button label or default path that is not a string, buttons or properties that are not
// an array, an unknown message box type, or checkboxChecked without a checkboxLabel.
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

const STRING_OPTIONS: Record<Exclude<DialogKind, 'showErrorBox'>, [string, string][]> = {
  showSaveDialog: [['title', 'Title'], ['buttonLabel', 'Button label'], ['defaultPath', 'Default path'], ['message', 'Message'], ['nameFieldLabel', 'Name field label']],
  showOpenDialog: [['title', 'Title'], ['buttonLabel', 'Button label'], ['defaultPath', 'Default path'], ['message', 'Message']],
  showMessageBox: [['title', 'Title'], ['message', 'Message'], ['detail', 'Detail'], ['checkboxLabel', 'checkboxLabel']],
}

/** lib/browser/api/dialog.ts: saveDialog, openDialog and messageBox check their options before showing anything. */
function checkOptions(kind: Exclude<DialogKind, 'showErrorBox'>, options: Record<string, unknown>): void {
  if (kind === 'showOpenDialog' && options.properties !== undefined && !Array.isArray(options.properties)) throw new TypeError('Properties must be an array')
  if (kind === 'showMessageBox') {
    if (!['none', 'info', 'warning', 'error', 'question'].includes((options.type as string | undefined) ?? 'none')) throw new TypeError('Invalid message box type')
    if (options.buttons !== undefined && !Array.isArray(options.buttons)) throw new TypeError('Buttons must be an array')
    if (options.noLink !== undefined && typeof options.noLink !== 'boolean') throw new TypeError('noLink must be a boolean')
  }
  for (const [key, name] of STRING_OPTIONS[kind]) {
    if (options[key] !== undefined && typeof options[key] !== 'string') throw new TypeError(`${name} must be a string`)
  }
  if (kind === 'showMessageBox' && options.checkboxChecked && !options.checkboxLabel) throw new Error('checkboxChecked requires that checkboxLabel also be passed')
}

export function createDialog(isBrowserWindow: (value: unknown) => boolean, isReady: () => boolean) {
  const calls: DialogCall[] = []
  let script: DialogScript | undefined
  const split = (args: unknown[]): [unknown, Record<string, unknown>] => (isBrowserWindow(args[0]) ? [args[0], (args[1] ?? {}) as Record<string, unknown>] : [undefined, (args[0] ?? {}) as Record<string, unknown>])
  function ask<T>(kind: Exclude<DialogKind, 'showErrorBox'>, args: unknown[]): Promise<T> {
    // Thrown synchronously, as Electron does, before any promise exists.
    const [parent, options] = split(args)
    if (!isReady()) throw new Error('dialog module can only be used after app is ready')
    checkOptions(kind, options)
    return answer<T>({ kind, options, parent })
  }
  async function answer<T>(call: DialogCall): Promise<T> {
    const { kind } = call
    calls.push(call)
    const reply = await script?.(call)
    if (reply === undefined) throw new Error(`dialog.${kind}: the test scripted no answer (controls.dialogs.script)`)
    return reply as T
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
