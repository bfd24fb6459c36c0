// What `import ... from 'electron'` gives the app under test (the e2e project aliases 'electron'
// to this file). It binds to the stand-in created last by createStandin(), so each fresh import
// of the app's entry module (after vi.resetModules()) gets the stand-in of that start.
import { STANDIN_SLOT, type StandinElectron } from './runtime'

const installed = (globalThis as Record<symbol, { electron: StandinElectron } | undefined>)[STANDIN_SLOT]
if (!installed) throw new Error('No Electron stand-in installed: call createStandin() before importing the app')
const electron = installed.electron

export const { app, BrowserWindow, BaseWindow, webContents, session, protocol, ipcMain, clipboard, dialog, shell, safeStorage, nativeTheme, Menu, MenuItem } = electron
export const screen = electron.screen
export default electron
