/**
 * The docs pages' own script, bundled by scripts/build-docs-client.mjs into public/docs-client/
 * with a content hash in its name; the manifest there says which file it is. Build time only.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const DOCS_CLIENT_DIR = join('public', 'docs-client')

/** The URL of the docs script, e.g. `/docs-client/docs-3F2A9C1B.js`. Throws when it was not built. */
export function docsClientEntry(root: string = process.cwd()): string {
  const path = join(root, DOCS_CLIENT_DIR, 'manifest.json')
  let manifest: unknown
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new Error(
      `${path} is missing: run \`npm run build:docs-client\` (npm run build does it).`,
    )
  }
  const entry = (manifest as { entry?: unknown }).entry
  if (typeof entry !== 'string' || !/^\/docs-client\/[\w.-]+\.js$/.test(entry))
    throw new Error(`${path} does not name the docs script.`)
  return entry
}
