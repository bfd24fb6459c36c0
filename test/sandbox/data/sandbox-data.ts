// All seeded data of one sandbox account, derived lazily per index.
import { UserDirectory } from './users'

export class SandboxData {
  readonly users: UserDirectory

  constructor(readonly seed: number, userCount: number, readonly anchorMs: number) {
    this.users = new UserDirectory(seed, userCount, anchorMs)
  }
}
