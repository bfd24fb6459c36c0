// Where a worker thread's script is: beside the module starting it. The built app runs the .js
// that electron-vite emits for each thread (out/main/, one entry each, see electron.vite.config.ts);
// tests and the bench run the TypeScript source, through tsx.
export function threadScript(name: string, from: string): { url: URL; execArgv: string[] } {
  if (from.endsWith('.ts')) return { url: new URL(`./${name}.ts`, from), execArgv: ['--import', 'tsx'] }
  return { url: new URL(`./${name}.js`, from), execArgv: [] }
}
