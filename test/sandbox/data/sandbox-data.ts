// All seeded data of one sandbox account, derived lazily per index.
import { MeetingBook } from './meetings'
import { PhoneSystem } from './phone'
import { RecordingLibrary } from './recordings'
import { Reports } from './reports'
import { UserDirectory } from './users'
import { WebinarBook } from './webinars'

export class SandboxData {
  readonly users: UserDirectory
  readonly meetings: MeetingBook
  readonly webinars: WebinarBook
  readonly recordings: RecordingLibrary
  readonly phone: PhoneSystem
  private reportsInstance: Reports | undefined

  constructor(readonly seed: number, userCount: number, readonly anchorMs: number) {
    this.users = new UserDirectory(seed, userCount, anchorMs)
    this.meetings = new MeetingBook(seed, this.users)
    this.webinars = new WebinarBook(seed, this.users)
    this.recordings = new RecordingLibrary(seed, this.users)
    this.phone = new PhoneSystem(seed, this.users)
  }

  get reports(): Reports {
    return (this.reportsInstance ??= new Reports(this.seed, this.users))
  }
}
