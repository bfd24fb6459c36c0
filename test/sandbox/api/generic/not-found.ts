// The 404 a GET answers for an id that does not exist, as its file documents it: Zoom writes the
// error code and message into the 404 response's description ("Error Code: `1012` Zoom Room ID
// does not exist: {roomId}."). The message that names the parameter is used, its placeholder
// ({roomId}, {$roomId}, $roomId) filled with the value asked for.
import { Errors, type ApiResponse, zoomError } from '../responses'
import type { DocumentedError } from './zoom-files'

function mentions(message: string, param: string): boolean {
  return message.includes(`{${param}}`) || message.includes(`{$${param}}`) || new RegExp(`\\$${param}\\b`).test(message)
}

export function notFoundResponse(documented: readonly DocumentedError[] | undefined, param: string, value: string, isUser: boolean): ApiResponse {
  const errors = documented ?? []
  const chosen = errors.find((e) => mentions(e.message, param))
    ?? (isUser ? errors.find((e) => e.code === 1001 || /user/i.test(e.message)) : errors.find((e) => /not exist|not found|invalid/i.test(e.message)))
    ?? errors[0]
  if (chosen !== undefined) {
    const message = chosen.message.replace(new RegExp(`\\{\\$?${param}\\}|\\$${param}\\b`, 'g'), value)
    return zoomError(404, chosen.code, message)
  }
  // Zoom documents no error code for this operation's 404: users get the Users API's
  // 1001 "User does not exist", anything else the HTTP status as its code, as Zoom Mail's files
  // document for their 404s.
  return isUser ? Errors.userNotFound(value) : zoomError(404, 404, `Not Found: ${param} ${value} does not exist.`)
}
