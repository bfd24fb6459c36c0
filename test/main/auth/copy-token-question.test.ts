// The copy-token question must not promise more than Electron's clipboard can do: writeText
// (shell/common/api/electron_api_clipboard.cc) writes plain text with no confidential marking, so
// the OS's clipboard history keeps a copy that the later clear does not remove.
import { describe, expect, it } from 'vitest'
import { copyTokenQuestion } from '../../../main/auth/copy-token-question'

describe('copy-token question', () => {
  it('says on Windows that clipboard history keeps a copy the clear does not reach', () => {
    expect(copyTokenQuestion('Prod', 30, 'win32').detail).toMatch(/clipboard history.*not cleared/)
  })
  it('says on macOS that Universal Clipboard may pass it on', () => {
    expect(copyTokenQuestion('Prod', 30, 'darwin').detail).toMatch(/Universal Clipboard/)
  })
})
