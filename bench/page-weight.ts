/**
 * Page weight from the production build: the JavaScript a page loads before it is interactive
 * (its <script src> tags, script preloads, what module scripts import statically, and the
 * chunks the designer's script loads at start with import(), which its build manifest lists;
 * not what is imported later), gzipped at level 9. Bytes are stable, so the
 * designer's budget is also a test (test/browser/page-weight.test.ts).
 *
 * Run directly after `npm run build`: npx tsx bench/page-weight.ts
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { BenchRow } from './row'

export const OUT = join(process.cwd(), 'out')

/** Budgets in KB gzip for the pages that matter. */
export const PAGE_BUDGETS: { page: string; label: string; budgetKb: number }[] = [
  { page: 'index.html', label: 'designer (/)', budgetKb: 250 },
  { page: 'docs/index.html', label: 'docs overview (/docs/)', budgetKb: 130 },
  { page: 'docs/cli/index.html', label: 'docs page without widgets (/docs/cli/)', budgetKb: 130 },
  {
    page: 'docs/getting-started/index.html',
    label: 'docs page with widgets (/docs/getting-started/)',
    budgetKb: 130,
  },
]

/** Script URLs a page loads at start. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>()
  // noModule scripts (legacy polyfills) are skipped by every browser that runs modules.
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"[^>]*>/g)) {
    if (!/\snoModule/i.test(m[0])) urls.add(m[1]!)
  }
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|preload)"[^>]*>/g)) {
    const href = /href="([^"]+\.js)"/.exec(m[0])
    if (href && /as="script"|modulepreload/.test(m[0])) urls.add(href[1]!)
  }
  return [...urls]
}

/** The relative specifiers a module imports statically (`import "./x"`, `from "./x"`). */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!)
}

function fileOf(url: string, page: string): string {
  const path = join(OUT, decodeURIComponent(url.replace(/^\//, '').split('?')[0]!))
  if (!existsSync(path)) throw new Error(`${url} referenced by ${page} is missing`)
  return path
}

/**
 * The chunks the designer's script loads at start, once the page has painted (the editor), as
 * its build manifest lists them (scripts/build-client.mjs); none for other pages.
 */
export function designerStartChunks(page: string): string[] {
  if (page !== 'index.html') return []
  const manifest = JSON.parse(
    readFileSync(join(OUT, 'designer-client', 'manifest.json'), 'utf8'),
  ) as { start?: unknown }
  if (!Array.isArray(manifest.start)) throw new Error('designer-client/manifest.json has no start')
  return manifest.start.filter((url): url is string => typeof url === 'string')
}

/** Gzipped bytes of the initial JavaScript of a page in out/. Throws when a file is missing. */
export function initialScriptBytes(page: string): { total: number; files: [string, number][] } {
  const html = readFileSync(join(OUT, page), 'utf8')
  const queue = [...new Set([...initialScripts(html), ...designerStartChunks(page)])]
  const seen = new Set(queue)
  const files: [string, number][] = []
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const code = readFileSync(fileOf(url, page))
    files.push([url, gzipSync(code, { level: 9 }).length])
    for (const spec of staticImports(code.toString('utf8'))) {
      const next = posix.join(posix.dirname(url), spec)
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return { total: files.reduce((sum, [, n]) => sum + n, 0), files }
}

export function benchPageWeight(): BenchRow[] {
  if (!existsSync(join(OUT, 'index.html')))
    throw new Error('out/ is missing: run `npm run build` first')
  return PAGE_BUDGETS.map(({ page, label, budgetKb }) => {
    const kb = initialScriptBytes(page).total / 1024
    return {
      name: `initial JS, ${label}`,
      value: Math.round(kb * 10) / 10,
      unit: 'KB gzip',
      budget: budgetKb,
      met: kb <= budgetKb,
    }
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of benchPageWeight()) {
    console.log(
      `${row.name.padEnd(60)} ${String(row.value).padStart(7)} ${row.unit}  budget <= ${row.budget}  ${row.met ? 'met' : 'NOT MET'}`,
    )
  }
}
