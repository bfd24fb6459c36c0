// Zoom's multipart/form-data uploads, as far as the sandbox emulates them. The body is parsed by
// the platform's own multipart reader (the Fetch API's Response.formData(), undici in Node), so a
// client's encoding is checked by an independent implementation rather than by our own parser.
// Every upload received is recorded (field values and file bytes exactly as they arrived) for
// tests to compare with what was sent.
//
// Emulated, with the rules Zoom documents in its OpenAPI files (Users.json, TeamChat.json):
// - POST /users/{userId}/picture (userPicture): part `pic_file`; 400/120 "File is empty", "File
//   size cannot exceed 2M", "Only jpg/jpeg or png image file can be uploaded"; 201 with `{}`.
// - POST /chat/emoji/files (addACustomEmoji, served by fileapi.zoom.us): parts `file` and
//   `name`; 400/300 for a name outside ^[a-zA-Z_0-9]{3,100}$ or a file over 256KB, 400/400 for
//   a type other than jpg, png, gif, jpeg, 409/30010 for a name already taken; 201 with
//   {file_id, name}.
// Not emulated: Zoom's checks of the picture's content ("invalid or explicit content", 300), and
// its redirects between file hosts; other uploads Zoom documents are refused as not emulated.
import type { IncomingMessage } from 'node:http'
import { checkScopes } from './access'
import type { ApiRequest, ApiDeps } from './handler'
import { resolveUserParam } from './handler'
import { zoomError, Errors, type ApiResponse } from './responses'

/** What the sandbox received in one upload. */
export interface ReceivedUpload {
  operation: string
  fields: Record<string, string>
  files: { field: string; name: string; type: string; bytes: Buffer }[]
}

/** Larger than any upload the sandbox emulates (pictures 2 MB); a body beyond it is refused whole. */
export const MAX_UPLOAD_BODY = 8 * 1024 * 1024

export type UploadHandler = (request: ApiRequest, upload: ReceivedUpload, deps: ApiDeps) => ApiResponse

export function readBytes(req: IncomingMessage, cap = MAX_UPLOAD_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > cap) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** The parts of a multipart/form-data body; undefined when it is not one the platform can read. */
export async function parseUpload(operation: string, contentType: string | undefined, body: Buffer): Promise<ReceivedUpload | undefined> {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined
  let form: FormData
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
  } catch {
    return undefined
  }
  const upload: ReceivedUpload = { operation, fields: {}, files: [] }
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') upload.fields[field] = value
    else upload.files.push({ field, name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) })
  }
  return upload
}

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase()

export const uploadPicture: UploadHandler = (request, upload, deps) => {
  const user = resolveUserParam(request, deps)
  const denied = checkScopes(request.op, request.access, user.own)
  if (denied) return denied
  if (user.index === undefined) return Errors.userNotFound(user.raw)
  const file = upload.files.find((f) => f.field === 'pic_file')
  if (!file || file.bytes.length === 0) return zoomError(400, 120, 'File is empty.')
  if (file.bytes.length > 2 * 1024 * 1024) return zoomError(400, 120, 'File size cannot exceed 2M.')
  if (!['jpg', 'jpeg', 'png'].includes(extensionOf(file.name))) return zoomError(400, 120, 'Only jpg/jpeg or png image file can be uploaded.')
  // Users.json documents the 201 as an application/json object with no properties.
  return { status: 201, json: '{}' }
}

const emojiNames = new WeakMap<ApiDeps, Set<string>>()

export const addCustomEmoji: UploadHandler = (request, upload, deps) => {
  const denied = checkScopes(request.op, request.access, false)
  if (denied) return denied
  const name = upload.fields.name ?? ''
  const file = upload.files.find((f) => f.field === 'file')
  if (!/^[a-zA-Z_0-9]{3,100}$/.test(name)) return zoomError(400, 300, 'Invalid parameter: allowed characters are letters, numbers, underscores.')
  if (!file || file.bytes.length > 256 * 1024) return zoomError(400, 300, 'Invalid parameter: the maximum size of file is 256KB.')
  if (!['jpg', 'jpeg', 'png', 'gif'].includes(extensionOf(file.name))) return zoomError(400, 400, 'Invalid file type. Only support jpg,png,gif,jpeg.')
  const names = emojiNames.get(deps) ?? new Set<string>()
  emojiNames.set(deps, names)
  if (names.has(name)) return zoomError(409, 30010, 'Duplicate custom emoji name.')
  names.add(name)
  return { status: 201, json: JSON.stringify({ file_id: `emoji${names.size.toString(16).padStart(8, '0')}`, name }) }
}

export const UPLOAD_HANDLERS: Record<string, UploadHandler> = { userPicture: uploadPicture, addACustomEmoji: addCustomEmoji }
