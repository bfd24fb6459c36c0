// operationId → handler.
import type { Handler } from '../handler'
import { createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting } from './meetings'
import { listAccountRecordings } from './account-recordings'
import { accountCallHistory, listPhoneUsers, userCallHistory } from './phone'
import { deleteRecordings, listRecordings } from './recordings'
import { reportDaily, reportUsers } from './reports'
import { createUser, deleteUser, getUser, listUsers, setUserStatus, updateUser } from './users'
import { createWebinar, deleteWebinar, listWebinars, updateWebinar } from './webinars'

export const HANDLERS: Record<string, Handler> = {
  users: listUsers,
  user: getUser,
  userCreate: createUser,
  userUpdate: updateUser,
  userStatus: setUserStatus,
  userDelete: deleteUser,
  meetings: listMeetings,
  meeting: getMeeting,
  meetingCreate: createMeeting,
  meetingUpdate: updateMeeting,
  meetingDelete: deleteMeeting,
  webinars: listWebinars,
  webinarCreate: createWebinar,
  webinarUpdate: updateWebinar,
  webinarDelete: deleteWebinar,
  recordingsList: listRecordings,
  recordingDelete: deleteRecordings,
  getAccountCloudRecording: listAccountRecordings,
  reportDaily,
  reportUsers,
  listPhoneUsers,
  accountCallHistory,
  phoneUserCallHistory: userCallHistory,
}
