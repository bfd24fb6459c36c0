// The `shell` module (docs/api/shell.md): nothing leaves the machine, every call is recorded.
// openPath resolves with '' (no error), as shell.md documents for success; openExternal resolves.
export interface ShellCall {
  method: 'openExternal' | 'openPath' | 'showItemInFolder' | 'beep'
  target: string
}

export function createShell() {
  const calls: ShellCall[] = []
  return {
    shell: {
      async openExternal(url: string) {
        calls.push({ method: 'openExternal', target: url })
      },
      async openPath(path: string) {
        calls.push({ method: 'openPath', target: path })
        return ''
      },
      showItemInFolder(path: string) {
        calls.push({ method: 'showItemInFolder', target: path })
      },
      beep() {
        calls.push({ method: 'beep', target: '' })
      },
      trashItem: () => Promise.reject(new Error('not emulated: shell.trashItem')),
    },
    calls,
  }
}
