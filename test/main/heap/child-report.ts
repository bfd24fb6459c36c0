// The heap tests measure in child processes (V8's flags and thread priorities are the process's,
// and must not change the test runner's): each child prints its report as JSON on its last line.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Runs a TypeScript child on the tests' Node (`prefix`: a command to run it under, e.g. `nice -n 15`) and returns the report on its last line. */
export async function childReport<Report>(script: string, args: readonly string[] = [], options: { nodeFlags?: readonly string[]; prefix?: readonly string[] } = {}): Promise<Report> {
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, ...(options.nodeFlags ?? []), '--import', 'tsx', script, ...args]
  const { stdout } = await run(command!, rest, { timeout: 60_000 })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Report
}
