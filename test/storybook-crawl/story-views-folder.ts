import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { STORY_VIEWS_DIR_ENV } from './story-views'

/**
 * Playwright's globalSetup: a fresh folder for this run's story view records (story-views.ts),
 * removed when the run ends. Its own per run, not under outputDir: a second crawl started from the
 * same checkout (on another port) empties outputDir, and must neither wipe nor feed this run's.
 */
function storyViewsFolder(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storybook-crawl-story-views-'))
  // The workers start after this and inherit the runner's environment.
  process.env[STORY_VIEWS_DIR_ENV] = dir
  return () => rmSync(dir, { recursive: true, force: true })
}

// Playwright loads globalSetup as a module's default export.
export default storyViewsFolder
