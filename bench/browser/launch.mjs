// The system Chromium with the root's launch settings (test/chromium.ts): never downloaded.
import { chromium } from 'playwright'
import { importRootModule } from '../lib/import-root-module.mjs'

async function launchChromium() {
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await importRootModule('test/chromium.ts')
  return chromium.launch({ headless: true, executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export { launchChromium }
