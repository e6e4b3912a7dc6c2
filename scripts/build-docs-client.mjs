/**
 * Bundles the docs pages' script (components/docs/client/docs.ts) into public/docs-client/:
 * the pages are static HTML without Next.js's runtime, so this small module is all they load
 * at first; each live example's chunk (with React) is loaded by it when needed. File names
 * carry a content hash; manifest.json names the entry for the pages (lib/docs/client-entry.ts).
 *
 * Run by `npm run build` and `npm run dev` before Next.js.
 */
import { build } from 'esbuild'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = process.cwd()
const outdir = join(root, 'public', 'docs-client')

rmSync(outdir, { recursive: true, force: true })
mkdirSync(outdir, { recursive: true })

const result = await build({
  absWorkingDir: root,
  entryPoints: { docs: 'components/docs/client/docs.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  jsx: 'automatic',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})

const entry = Object.entries(result.metafile.outputs).find(
  ([, output]) => output.entryPoint === 'components/docs/client/docs.ts',
)
if (!entry) throw new Error('esbuild wrote no docs entry')
const url = `/${relative(join(root, 'public'), join(root, entry[0])).split('\\').join('/')}`
writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify({ entry: url }, null, 2)}\n`)
console.log(`docs client: ${url}`)
