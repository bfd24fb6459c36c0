// The folder boundaries of DESIGN.md are enforced by lint: prove that a forbidden import is reported.
import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function importProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('lint boundaries', () => {
  it.each([
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron'"],
    ['renderer/features/x.ts', "import { readFile } from 'node:fs'"],
    ['renderer/features/x.ts', "import got from 'got'"],
    ['renderer/features/x.ts', "import Store from 'electron-store'"],
    ['renderer/features/x.ts', "import { createCore } from '../../main/core'"],
    ['common/x.ts', "import { app } from 'electron'"],
    ['common/x.ts', "import { join } from 'node:path'"],
    ['common/x.ts', "import { createCore } from '../main/core'"],
    ['common/x.ts', "import { ipc } from '../renderer/ipc'"],
    ['main/tokens/x.ts', "import { safeStorage } from 'electron'"],
    ['preload/x.ts', "import { createCore } from '../main/core'"],
  ])('%s may not say %s', async (file, code) => {
    expect((await importProblems(file, `${code}\nexport const used = 1\n`)).length).toBeGreaterThan(0)
  })

  it.each([
    ['renderer/features/x.ts', "import { z } from 'zod'"],
    ['renderer/features/x.ts', "import type { Profile } from '../../common/profile'"],
    ['common/x.ts', "import { z } from 'zod'"],
    ['main/platform/x.ts', "import { safeStorage } from 'electron'"],
    ['main/index.ts', "import { app } from 'electron'"],
    ['main/tokens/x.ts', "import { readFile } from 'node:fs'"],
    ['preload/x.ts', "import { contextBridge } from 'electron'"],
  ])('%s may say %s', async (file, code) => {
    expect(await importProblems(file, `${code}\nexport const used = 1\n`)).toEqual([])
  })
})
