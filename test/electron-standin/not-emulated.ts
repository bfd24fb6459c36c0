// Where the stand-in cannot reproduce Electron faithfully it says so, instead of guessing.
export class NotEmulatedError extends Error {
  constructor(what: string) {
    super(`not emulated: ${what} (the Electron stand-in cannot reproduce this faithfully)`)
    this.name = 'NotEmulatedError'
  }
}

export function notEmulated(what: string): never {
  throw new NotEmulatedError(what)
}
