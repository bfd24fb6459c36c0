// Which folders recordings may be written to and opened with the OS shell. The folder comes from
// main's own folder picker (settings.chooseDownloadFolder, or the picker at enqueue) or from
// settings written by an older version, where the renderer could type any path; it is checked
// every time it is used, because:
// - a UNC path (\\host\share, //host/share) or a Windows device path (\\?\, \\.\) sends the
//   recordings to another machine and makes Windows authenticate to it (NTLM hash leak);
// - on macOS, opening a bundle such as /Applications/X.app with the shell launches it;
// - a relative path depends on the working directory, and `..` hides where a path leads.
// Network shares the person mapped as a drive (Z:\) or mounted (/Volumes/NAS) stay allowed: those
// are the person's own choice at the OS level, not a string the renderer supplied.
import { AppError } from '../../common/errors'

/**
 * Folder suffixes macOS treats as a bundle or package: opened with the shell, they run or install
 * something instead of showing files.
 */
const BUNDLE_SUFFIXES = ['.app', '.appex', '.bundle', '.framework', '.plugin', '.kext', '.prefpane', '.pkg', '.mpkg', '.workflow', '.action', '.saver', '.qlgenerator', '.xpc']

/** Two leading separators: UNC (\\host\share, //host/share) and device paths (\\?\, \\.\). */
const NETWORK_OR_DEVICE = /^[\\/]{2}/
const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/

export const isBundleName = (segment: string): boolean => {
  const lower = segment.toLowerCase()
  return BUNDLE_SUFFIXES.some((suffix) => lower.length > suffix.length && lower.endsWith(suffix))
}

/** Why `path` may not be used as a download folder, or undefined when it may. */
export function folderProblem(path: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (path === '' || path.includes('\u0000')) return 'this is not a folder path'
  if (NETWORK_OR_DEVICE.test(path)) return 'a network share or device path is not allowed'
  const windows = platform === 'win32'
  if (windows ? !WINDOWS_ABSOLUTE.test(path) : !path.startsWith('/')) return 'a full path is needed'
  // Past the drive letter a colon names an NTFS alternate data stream, not a folder.
  if (windows && path.indexOf(':', 2) !== -1) return 'this is not a folder path'
  const segments = path.split(windows ? /[\\/]/ : '/')
  if (segments.includes('..')) return 'a path with “..” is not allowed'
  if (segments.some(isBundleName)) return 'a folder inside an application or bundle is not allowed'
  return undefined
}

/** Throws VALIDATION, naming the folder, unless it may be used. */
export function assertSafeFolder(path: string, platform: NodeJS.Platform = process.platform): void {
  const problem = folderProblem(path, platform)
  if (problem) throw new AppError('VALIDATION', `Recordings cannot be saved to “${path}”: ${problem}. Choose another folder on this computer.`)
}
