// The rows a multipart form starts with, from the operation's request schema: a file row for each
// file property, a text row for the others. Zoom marks files as `format: binary` (an array of
// them for several files); a few older operations write a file as a plain string named after it
// (userPicture's `pic_file`, "The file's path."), which a name ending in "file" catches.
import type { ApiRequestBody } from '../../../common/zoom/api/types'
import type { FormRow } from '../../store/slices/console'

export const isMultipart = (body: ApiRequestBody | undefined) => body?.contentType.toLowerCase().startsWith('multipart/form-data') === true

function isFileProperty(name: string, schema: Record<string, unknown>): boolean {
  const items = schema.items as Record<string, unknown> | undefined
  return schema.format === 'binary' || items?.format === 'binary' || /(^|_)files?$/i.test(name)
}

export function formRowsOf(body: ApiRequestBody | undefined): FormRow[] {
  const properties = (body?.schema?.properties ?? {}) as Record<string, Record<string, unknown>>
  return Object.entries(properties).map(([name, schema]) => (isFileProperty(name, schema) ? { name, kind: 'file' } : { name, kind: 'text', value: '' }))
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`
  return `${Math.round(bytes / 1024 / 102.4) / 10} MB`
}
