/**
 * Bundles the docs pages' script (components/docs/client/docs.ts) into public/docs-client/:
 * the pages are static HTML without Next.js's runtime, so this small module is all they load
 * at first; each live example's chunk (with React) is loaded by it when needed. File names
 * carry a content hash; manifest.json names the entry for the pages (lib/docs/client-entry.ts).
 *
 * `npm run build` runs it once before Next.js. With --watch (`npm run dev`) it stays running,
 * rebuilds on every change and starts `next dev` beside it.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { context } from 'esbuild'

const root = process.cwd()
const outdir = join(root, 'public', 'docs-client')
const ENTRY = 'components/docs/client/docs.ts'
const watch = process.argv.includes('--watch')

/** Writes manifest.json after each build, naming the entry file it produced. */
const manifest = {
  name: 'manifest',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0 || !result.metafile) return
      const entry = Object.entries(result.metafile.outputs).find(
        ([, output]) => output.entryPoint === ENTRY,
      )
      if (!entry) throw new Error('esbuild wrote no docs entry')
      const url = `/${relative(join(root, 'public'), join(root, entry[0])).split('\\').join('/')}`
      writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify({ entry: url }, null, 2)}\n`)
      console.log(`docs client: ${url}`)
    })
  },
}

rmSync(outdir, { recursive: true, force: true })
mkdirSync(outdir, { recursive: true })

const ctx = await context({
  absWorkingDir: root,
  entryPoints: { docs: ENTRY },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022'],
  minify: !watch,
  jsx: 'automatic',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': watch ? '"development"' : '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [manifest],
})

if (!watch) {
  const result = await ctx.rebuild()
  await ctx.dispose()
  if (result.errors.length > 0) process.exit(1)
} else {
  await ctx.watch()
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  const next = spawn(process.execPath, [nextBin, 'dev', ...process.argv.slice(3)], {
    stdio: 'inherit',
  })
  const stop = () => {
    next.kill('SIGTERM')
    void ctx.dispose()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  next.on('exit', (code) => {
    void ctx.dispose().then(() => process.exit(code ?? 0))
  })
}
