// operationId → handler.
import type { Handler } from '../handler'
import { createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting } from './meetings'
import { listAccountRecordings } from './account-recordings'
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
  meetingCreate: createMeeting,
  meetingUpdate: updateMeeting,
  meetingDelete: deleteMeeting,
  webinars: listWebinars,
  recordingsList: listRecordings,
  recordingDelete: deleteRecordings,
  getAccountCloudRecording: listAccountRecordings,
  reportDaily,
  reportUsers,
  listPhoneUsers,
  accountCallHistory,
  phoneUserCallHistory: userCallHistory,
}
