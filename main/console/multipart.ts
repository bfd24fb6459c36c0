// A console form as a multipart/form-data body: Node's own FormData (text parts as typed, each
// chosen file as a Blob read from disk as it is sent). The Zoom client encodes it with
// form-data-encoder (as got would), boundary and Content-Length included, and reads it again for a
// redirect that keeps the body; nothing here writes multipart syntax by hand.
import type { FormPart } from '../../common/contract/console'
import type { ChosenFiles } from './chosen-files'

export async function buildFormData(parts: readonly FormPart[], files: Pick<ChosenFiles, 'open'>): Promise<FormData> {
  const form = new FormData()
  for (const part of parts) {
    if ('value' in part) form.append(part.name, part.value)
    else {
      const { blob, name } = await files.open(part.fileToken, part.name)
      form.append(part.name, blob, name)
    }
  }
  return form
}
