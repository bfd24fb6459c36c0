// Lint enforces the process boundaries of DESIGN.md ("Processes and folders"): who may import what.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeOnly = ['got', 'got/*', 'electron-store', 'conf', 'csv-stringify', 'csv-stringify/*']
const builtinPattern = { regex: '^node:', message: 'Node built-ins belong to main/.' }

/** The import rules for each folder; exported so a test can prove they report violations. */
export const boundaryRules = {
  renderer: {
    'no-restricted-imports': ['error', {
      paths: ['electron', ...nodeOnly].map((name) => ({ name, message: 'The renderer talks to main only through renderer/ipc.ts.' })),
      patterns: [
        builtinPattern,
        { group: ['**/main/**', '**/main', '**/preload/**'], message: 'The renderer may not import main/ or preload/.' },
        { group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net'], message: 'Node built-ins belong to main/.' },
      ],
    }],
  },
  common: {
    'no-restricted-imports': ['error', {
      paths: ['electron', 'react', ...nodeOnly].map((name) => ({ name, message: 'common/ is process-neutral: no electron, node or DOM.' })),
      patterns: [
        builtinPattern,
        { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/test/**'], message: 'common/ imports nothing outside itself.' },
        { group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net'], message: 'common/ is process-neutral.' },
      ],
    }],
  },
  mainDomain: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'Only main/platform/ and main/index.ts may import electron.' }],
      patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'main/ may not import the renderer or preload.' }],
    }],
  },
  preload: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['**/main/**', '**/renderer/**'], message: 'The preload may import only electron and common/.' },
        builtinPattern,
      ],
    }],
  },
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } }, rules: boundaryRules.renderer },
  { files: ['common/**/*.ts'], rules: boundaryRules.common },
  { files: ['main/**/*.ts'], ignores: ['main/platform/**', 'main/index.ts'], rules: boundaryRules.mainDomain },
  { files: ['preload/**/*.ts'], rules: boundaryRules.preload },
  { files: ['test/**', 'bench/**', 'scripts/**', '*.config.*'], rules: { 'no-console': 'off' } },
)
