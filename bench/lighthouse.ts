/**
 * Lighthouse (the npm package) driving Debian's Chromium on the built static export: the home
 * page (the designer) and a docs page. Budgets: performance 90, accessibility 95, best
 * practices 95. The full reports are kept in bench/results/lighthouse-<page>.json.
 *
 * Run directly after `npm run build`: npx tsx bench/lighthouse.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM, LAUNCH_ARGS, serveOut } from '../test/browser/harness'
import { type BenchRow, median } from './row'

const PAGES = [
  { slug: 'designer', path: '/' },
  { slug: 'docs', path: '/docs/getting-started/' },
]

const BUDGETS: Record<string, number> = { performance: 90, accessibility: 95, 'best-practices': 95 }

/** Scores (0-100) per page and category, median of `runs` runs. */
export async function benchLighthouse(runs = 3): Promise<BenchRow[]> {
  const { url, server } = await serveOut()
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: LAUNCH_ARGS,
  })
  const rows: BenchRow[] = []
  const dir = join(process.cwd(), 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  try {
    for (const page of PAGES) {
      const scores: Record<string, number[]> = {}
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${url}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.keys(BUDGETS),
        })
        if (!result) throw new Error(`lighthouse returned nothing for ${page.path}`)
        for (const [id, category] of Object.entries(result.lhr.categories)) {
          ;(scores[id] ??= []).push(Math.round((category.score ?? 0) * 100))
        }
        if (i === runs - 1) {
          writeFileSync(join(dir, `lighthouse-${page.slug}.json`), String(result.report))
        }
      }
      for (const [id, budget] of Object.entries(BUDGETS)) {
        const value = median(scores[id] ?? [0])
        rows.push({
          name: `Lighthouse ${id}, ${page.path}`,
          value,
          unit: 'score',
          budget,
          met: value >= budget,
        })
      }
    }
  } finally {
    chrome.kill()
    server.kill()
  }
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchLighthouse()) {
    console.log(`${r.met ? 'ok  ' : 'MISS'} ${r.name.padEnd(50)} ${r.value} (budget ${r.budget})`)
  }
}
