// operationId → handler.
import type { Handler } from '../handler'
import { getMeeting, listMeetings } from './meetings'
import { accountCallHistory, listPhoneUsers, userCallHistory } from './phone'
import { deleteRecordings, listRecordings } from './recordings'
import { reportDaily, reportUsers } from './reports'
import { getUser, listUsers } from './users'
import { listWebinars } from './webinars'

export const HANDLERS: Record<string, Handler> = {
  users: listUsers,
  user: getUser,
  meetings: listMeetings,
  meeting: getMeeting,
  webinars: listWebinars,
  recordingsList: listRecordings,
  recordingDelete: deleteRecordings,
  reportDaily,
  reportUsers,
  listPhoneUsers,
  accountCallHistory,
  phoneUserCallHistory: userCallHistory,
}
