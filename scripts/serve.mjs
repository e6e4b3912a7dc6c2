// Serves the static export in out/ on http://localhost:3000 (PORT to change), the way a static
// host would: gzip for text, long caching for Next's hashed assets. No dependencies.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = resolve(process.argv[2] ?? 'out')
const port = Number(process.env.PORT ?? 3000)
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt'])
const gzipped = new Map()

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No static export in ${root}: run "npm run build" first.`)
  process.exit(2)
}

function resolvePath(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(
    /^(\.\.[/\\])+/,
    '',
  )
  let file = join(root, clean)
  if (!file.startsWith(root)) return undefined
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
  else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`
  return existsSync(file) ? file : undefined
}

createServer((req, res) => {
  let file
  try {
    file = resolvePath(req.url ?? '/')
  } catch {
    file = undefined
  }
  const status = file ? 200 : 404
  file ??= join(root, '404.html')
  const ext = extname(file)
  const headers = { 'content-type': types[ext] ?? 'application/octet-stream' }
  // These hold files whose names carry a hash of their contents (not the manifest.json files).
  if (/^\/(_next\/static\/|(docs|designer)-client\/.+\.(js|css)$)/.test(req.url ?? '')) {
    headers['cache-control'] = 'public, max-age=31536000, immutable'
  }
  let body = readFileSync(file)
  if (compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(body))
    body = gzipped.get(file)
    headers['content-encoding'] = 'gzip'
    headers['vary'] = 'accept-encoding'
  }
  res.writeHead(status, headers)
  res.end(body)
}).listen(port, '127.0.0.1', () => {
  console.log(`s6 Designer: http://localhost:${port}/`)
})
