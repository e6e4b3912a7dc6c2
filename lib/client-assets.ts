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

/** The designer's, with the chunks its script loads at start (after the first paint). */
export interface DesignerAssets extends PageAssets {
  start: string[]
}

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

/** The docs' script (e.g. `/docs-client/docs-3F2A9C1B.js`) and stylesheet. Throws when not built. */
export function docsAssets(root: string = process.cwd()): PageAssets {
  const manifest = readManifest(root, 'docs-client')
  return {
    entry: assetUrl(manifest.entry, 'docs-client', 'js'),
    css: assetUrl(manifest.css, 'docs-client', 'css'),
  }
}

/** The designer's script, stylesheet and start chunks. Throws when they were not built. */
export function designerAssets(root: string = process.cwd()): DesignerAssets {
  const manifest = readManifest(root, 'designer-client')
  const dir = 'designer-client'
  const start = Array.isArray(manifest.start) ? manifest.start : [undefined]
  return {
    entry: assetUrl(manifest.entry, dir, 'js'),
    css: assetUrl(manifest.css, dir, 'css'),
    start: start.map((url) => assetUrl(url, dir, 'js')),
  }
}
