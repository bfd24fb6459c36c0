// Puts Zoom's OpenAPI files where the app keeps its copies (dataDir/api-files), checked "now",
// as if the app had fetched them from Zoom's API hub: end-to-end tests then build the catalog
// without any network. Returns false when the shared files are absent.
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { API_PRODUCT_NAMES } from '../../common/zoom/api/products'
import { API_FILES_FOLDER } from '../../main/catalog'
import { ZOOM_OPENAPI_AVAILABLE, ZOOM_OPENAPI_DIR } from './zoom-openapi'

export async function seedApiFiles(dataDir: string, checkedAt = Date.now()): Promise<boolean> {
  if (!ZOOM_OPENAPI_AVAILABLE) return false
  const dir = path.join(dataDir, API_FILES_FOLDER)
  await mkdir(dir, { recursive: true })
  await Promise.all(
    API_PRODUCT_NAMES.map(async (product) => {
      await copyFile(path.join(ZOOM_OPENAPI_DIR, `${product}.json`), path.join(dir, `${product}.json`))
      await writeFile(path.join(dir, `${product}.meta.json`), JSON.stringify({ checkedAt }))
    }),
  )
  return true
}
