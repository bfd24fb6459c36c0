// Files the person chose for a form part (uploads). The page asks main to open its own file
// dialog (console.pickFile); main remembers the path under a random token and hands the page only
// the token, the base name and the size. A send names files by token: a token main did not hand
// out is refused, so a compromised page cannot make main read (and send away) a file of its
// choosing — the path only ever comes from the dialog the person answered.
import { openAsBlob } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { ChosenFile } from '../../common/contract/console'
import { AppError } from '../../common/errors'
import type { DialogPort } from '../ports'

/**
 * The largest file the console uploads: Zoom's largest documented single-file upload, two
 * gigabytes (Clips, Events, Revenue Accelerator: "You can only send a maximum of two gigabytes";
 * Team Chat's is 1 GB). Read as binary gigabytes, the larger reading, so no file Zoom takes is
 * refused here; Zoom's own answer says what its operation refuses. The file is streamed from
 * disk, never held whole in memory.
 */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024

/** Choices remembered; the oldest is forgotten first (a person picks a few files per session). */
const MAX_CHOSEN = 32

interface Chosen {
  path: string
  name: string
  size: number
}

/** Types Zoom's upload operations name (images, PDF, archives, media); anything else goes as octet-stream. */
const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
}

const typeOf = (name: string) => TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream'

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
}

export class ChosenFiles {
  private readonly chosen = new Map<string, Chosen>()

  constructor(
    private readonly deps: { dialogs: Pick<DialogPort, 'chooseOpenFile'>; maxBytes?: number; newToken?: () => string },
  ) {}

  private get maxBytes(): number {
    return this.deps.maxBytes ?? MAX_UPLOAD_BYTES
  }

  /** Main's open dialog; undefined when cancelled. A file over the limit is refused here, before any send. */
  async pick(): Promise<ChosenFile | undefined> {
    const path = await this.deps.dialogs.chooseOpenFile({ title: 'Choose a file to upload' })
    if (!path) return undefined
    const size = await this.sizeOf(path)
    const fileToken = (this.deps.newToken ?? (() => crypto.randomUUID()))()
    const name = basename(path)
    this.chosen.set(fileToken, { path, name, size })
    if (this.chosen.size > MAX_CHOSEN) this.chosen.delete(this.chosen.keys().next().value as string)
    return { fileToken, name, size }
  }

  /** Name and size of a chosen file (for history); undefined for a token main never handed out. */
  facts(fileToken: string): { name: string; size: number } | undefined {
    const chosen = this.chosen.get(fileToken)
    return chosen ? { name: chosen.name, size: chosen.size } : undefined
  }

  /**
   * The chosen file as a Blob read from disk as it is sent. Checked again now: the file may have
   * grown past the limit or gone since it was chosen.
   */
  async open(fileToken: string, part: string): Promise<{ blob: Blob; name: string }> {
    const chosen = this.chosen.get(fileToken)
    if (!chosen) throw new AppError('VALIDATION', `The file for “${part}” was not chosen in this session; choose it again`, { issues: [{ path: `form.${part}`, message: 'Choose the file again' }] })
    await this.sizeOf(chosen.path)
    try {
      return { blob: await openAsBlob(chosen.path, { type: typeOf(chosen.name) }), name: chosen.name }
    } catch (error) {
      throw new AppError('FILE_IO', `Could not read ${chosen.name} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  }

  private async sizeOf(path: string): Promise<number> {
    let size: number
    try {
      const info = await stat(path)
      if (!info.isFile()) throw new AppError('VALIDATION', `${basename(path)} is not a file`)
      size = info.size
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError('FILE_IO', `Could not read ${basename(path)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    if (size > this.maxBytes) throw new AppError('VALIDATION', `${basename(path)} is ${mb(size)}; the console uploads files up to ${mb(this.maxBytes)}`, { issues: [{ path: 'file', message: `larger than ${mb(this.maxBytes)}` }] })
    return size
  }
}
