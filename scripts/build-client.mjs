/**
 * Bundles the site's two browser scripts with esbuild; Next.js renders the pages to static HTML
 * and ships no runtime of its own (`unstable_runtimeJS: false`), so these are all a page loads:
 *
 * - public/docs-client/: the docs pages' script (components/docs/client/docs.ts), small; each
 *   live example's chunk (with React) is loaded by it when needed.
 * - public/designer-client/: the designer (components/editor/client/designer.tsx), which
 *   renders the editor with React in place of the page's skeleton. Its panels and dialogs stay
 *   chunks of their own, loaded with import() when needed.
 *
 * Each page's CSS (what its modules import) is one file, so that the page can link it: the CSS
 * of every chunk, in the order esbuild gives it for a bundle without splitting. File names
 * carry a content hash; each folder's manifest.json names what the pages link
 * (lib/client-assets.ts reads them when Next.js renders the pages).
 *
 * `npm run build` runs it once before Next.js. With --watch (`npm run dev`) it stays running,
 * rebuilds on every change and starts `next dev` beside it.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { build, context } from 'esbuild'

const root = process.cwd()
const watch = process.argv.includes('--watch')

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: !watch,
  jsx: 'automatic',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': watch ? '"development"' : '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
}

/** The URL under public/ of a file esbuild wrote. */
const urlOf = (file) => `/${relative(join(root, 'public'), join(root, file)).split('\\').join('/')}`

/** Writes `manifest` into `outdir` after each build that succeeded. */
function manifestPlugin(outdir, make) {
  return {
    name: 'manifest',
    setup(b) {
      b.onEnd(async (result) => {
        if (result.errors.length > 0 || !result.metafile) return
        const manifest = await make(result.metafile)
        writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
        console.log(`client: ${manifest.entry}`)
      })
    },
  }
}

function entryOutput(metafile, entry) {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entry)
  if (!found) throw new Error(`esbuild wrote no output for ${entry}`)
  return found
}

/**
 * The chunks the designer loads at start (the page-weight bench counts them): what the entry
 * imports, statically or with import() (it loads the editor with import() once the page has
 * painted), and what those import statically, all the way down. Not what they import() later
 * (panels, dialogs).
 */
function startChunks(metafile, entryFile) {
  const seen = new Set()
  const queue = [entryFile]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imp of metafile.outputs[file]?.imports ?? []) {
      const wanted =
        imp.kind === 'import-statement' || (imp.kind === 'dynamic-import' && file === entryFile)
      if (!wanted || seen.has(imp.path)) continue
      seen.add(imp.path)
      queue.push(imp.path)
    }
  }
  return [...seen]
}

/**
 * A page's CSS as one file: esbuild bundles the CSS its modules import into one stylesheet
 * when it does not split the code (with splitting it writes one per chunk that imports CSS,
 * which nothing would load). Only the CSS of that second build is kept.
 */
async function stylesheet(name, entry, outdir) {
  const result = await build({
    ...common,
    entryPoints: { [name]: entry },
    outdir,
    write: false,
    logLevel: 'error',
  })
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css'))
  if (css.length !== 1) throw new Error(`expected one ${name} stylesheet, got ${css.length}`)
  const text = css[0].text
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10)
  const file = join(outdir, `${name}-${hash}.css`)
  writeFileSync(file, text)
  return urlOf(relative(root, file))
}

/**
 * One page's script: split into chunks, its stylesheet beside it, and a manifest naming both
 * (plus what `more` adds from the build's metafile).
 */
async function pageContext(name, entry, more = () => ({})) {
  const outdir = join(root, 'public', `${name}-client`)
  rmSync(outdir, { recursive: true, force: true })
  mkdirSync(outdir, { recursive: true })
  return context({
    ...common,
    entryPoints: { [name]: entry },
    outdir,
    splitting: true,
    metafile: true,
    // The stylesheet comes from stylesheet(); here CSS imports are only order.
    loader: { '.css': 'empty' },
    plugins: [
      manifestPlugin(outdir, async (metafile) => {
        const [file] = entryOutput(metafile, entry)
        return {
          entry: urlOf(file),
          css: await stylesheet(name, entry, outdir),
          ...more(metafile, file),
        }
      }),
    ],
  })
}

const docs = await pageContext('docs', 'components/docs/client/docs.ts')

const designer = await pageContext(
  'designer',
  'components/editor/client/designer.tsx',
  (metafile, file) => ({
    start: startChunks(metafile, file).map(urlOf),
  }),
)

const contexts = [docs, designer]

if (!watch) {
  const results = await Promise.all(contexts.map((c) => c.rebuild()))
  await Promise.all(contexts.map((c) => c.dispose()))
  if (results.some((r) => r.errors.length > 0)) process.exit(1)
} else {
  await Promise.all(contexts.map((c) => c.watch()))
  const dispose = () => Promise.all(contexts.map((c) => c.dispose()))
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  const next = spawn(process.execPath, [nextBin, 'dev', ...process.argv.slice(3)], {
    stdio: 'inherit',
  })
  const stop = () => {
    next.kill('SIGTERM')
    void dispose()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  next.on('exit', (code) => {
    void dispose().then(() => process.exit(code ?? 0))
  })
}
