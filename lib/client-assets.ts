/**
 * The pages' own scripts, bundled by scripts/build-client.mjs into public/docs-client/ and
 * public/designer-client/ with a content hash in their names; the manifest in each folder says
 * which files they are. Read when Next.js renders the pages (build time only).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What a page links of its script's bundle: the module script and its stylesheet. */
export interface PageAssets {
  entry: string
  css: string
}

/** The folders under public/ the pages' scripts are built into. */
export type ClientDir = 'docs-client' | 'designer-client'

function readManifest(root: string, dir: string): Record<string, unknown> {
  const path = join(root, 'public', dir, 'manifest.json')
  try {
    const manifest: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (typeof manifest === 'object' && manifest !== null)
      return manifest as Record<string, unknown>
  } catch {
    // Reported below.
  }
  throw new Error(`${path} is missing: run \`npm run build:client\` (npm run build does it).`)
}

function assetUrl(value: unknown, dir: string, ext: 'js' | 'css'): string {
  const pattern = new RegExp(`^/${dir}/(chunks/)?[\\w.-]+\\.${ext}$`)
  if (typeof value !== 'string' || !pattern.test(value))
    throw new Error(`public/${dir}/manifest.json does not name its ${ext} files.`)
  return value
}

/**
 * A page's script (e.g. `/docs-client/docs-3F2A9C1B.js`) and stylesheet, as the manifest in
 * `dir` names them. Throws when they were not built.
 */
export function pageAssets(dir: ClientDir, root: string = process.cwd()): PageAssets {
  const manifest = readManifest(root, dir)
  return { entry: assetUrl(manifest.entry, dir, 'js'), css: assetUrl(manifest.css, dir, 'css') }
}
