/**
 * Preview benchmark against the built static export (out/): for a generated design of 200
 * services, the time from an edit (a longrun added where the palette puts it) to each preview panel
 * showing it, median of several edits. The clock stops when the panel's DOM holds the change
 * (a MutationObserver), so it counts the store update, the memoized plans or the deferred
 * export, and React's commit; painting comes after.
 *
 *   npx next build && npx tsx bench/preview.ts
 *
 * Not a test: numbers depend on the machine. The budget is 50 ms per panel.
 */
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { type Page, chromium } from 'playwright-core'
import { bundle, createGraph, longrun, oneshot } from '../lib/graph/service-graph'
import type { Service, ServiceGraph, XY } from '../lib/graph/types'
import { CHROMIUM, LAUNCH_ARGS, serveOut } from '../test/browser/harness'
import { type BenchRow, median } from './row'

const BUDGET_MS = 50
const EDITS = 7

/**
 * `count` services laid out in columns: one oneshot in ten (pre-flight checks with a time
 * limit), longruns depending on an earlier service and on the nearest oneshot, with stop
 * timeouts, every fifth with a finish script; every service in `user`.
 */
export function previewGraph(count: number): ServiceGraph {
  const services: Record<string, Service> = {}
  const layout: Record<string, XY> = {}
  const names: string[] = []
  for (let i = 0; i < count - 1; i++) {
    const name = `svc-${String(i).padStart(3, '0')}`
    const check = `svc-${String(Math.floor(i / 10) * 10).padStart(3, '0')}`
    if (i % 10 === 0) {
      services[name] = oneshot({ timeoutUp: 30_000, estimatedUpMs: 300 + (i % 7) * 100 })
    } else {
      const deps = [check]
      if (i > 11) deps.push(`svc-${String(Math.floor(i / 2)).padStart(3, '0')}`)
      services[name] = longrun({
        dependencies: [...new Set(deps)].filter((d) => d !== name),
        timeoutKill: 2000 + (i % 4) * 500,
        estimatedUpMs: 50 + (i % 9) * 40,
        ...(i % 5 === 0
          ? { finish: { language: 'sh' as const, body: 'echo "exited $1"' }, timeoutFinish: 500 }
          : {}),
        children: i % 20 === 1 ? [{ name: 'worker', count: 2 }] : [],
      })
    }
    names.push(name)
    layout[name] = { x: Math.floor(i / 20) * 320, y: (i % 20) * 96 }
  }
  services.user = bundle({ contents: names })
  layout.user = { x: Math.ceil(count / 20) * 320, y: 0 }
  return { ...createGraph({ name: `preview-bench-${count}` }), services, layout }
}

interface PanelProbe {
  tab: string
  label: string
  /** A CSS selector or text that shows the added service `name` in the panel. */
  shows: string
}

/** `$NAME` in `shows` stands for the added service. */
const PANELS: PanelProbe[] = [
  { tab: 'Process tree', label: 'process tree', shows: '.ps-row[data-service="$NAME"]' },
  { tab: 'Start order', label: 'start order', shows: '.tl-row[data-service="$NAME"]' },
  { tab: 'Shutdown', label: 'shutdown', shows: '.tl-row[data-service="$NAME"]' },
  { tab: 'Files', label: 'files', shows: '.files-change[title*="/s6-rc.d/$NAME/"]' },
  { tab: 'README', label: 'docs (README)', shows: 'text:$NAME' },
]

/** Adds a longrun in the page and resolves with the ms until the dock shows it. */
async function timeEdit(page: Page, probe: PanelProbe, name: string): Promise<number> {
  return page.evaluate(
    ([shows, service]) =>
      new Promise<number>((resolve, reject) => {
        const body = document.querySelector('#preview-body')
        if (!body) return reject(new Error('no preview body'))
        const want = shows.replace('$NAME', service)
        const found = () =>
          want.startsWith('text:')
            ? (body.querySelector('[data-testid="docs-page"]')?.textContent ?? '').includes(
                want.slice(5),
              )
            : body.querySelector(want) !== null
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${want}`)), 10_000)
        let t0 = 0
        const observer = new MutationObserver(() => {
          if (!found()) return
          const t = performance.now() - t0
          observer.disconnect()
          clearTimeout(timer)
          resolve(t)
        })
        observer.observe(body, { childList: true, subtree: true, characterData: true })
        t0 = performance.now()
        // With a place on the canvas, as the palette adds it (no automatic layout runs).
        window
          .__s6d!.store.getState()
          .addService('longrun', { name: service, select: false, position: { x: 9600, y: 0 } })
      }),
    [probe.shows, name] as const,
  )
}

/** Runs the benchmark; needs out/ (a production build) and Chromium at /usr/bin/chromium. */
export async function benchPreview(size = 200): Promise<BenchRow[]> {
  if (!existsSync('out/index.html')) throw new Error('out/ is missing: run `npx next build` first')
  const { url, server } = await serveOut()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  try {
    const graph = previewGraph(size)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    // tsx keeps function names with an `__name` helper that the page does not have.
    await context.addInitScript({ content: 'window.__name = (f) => f' })
    await context.addInitScript(
      (raw: string) => {
        localStorage.setItem('s6d-autosave', raw)
        localStorage.setItem('s6d-preview-height', '420')
      },
      JSON.stringify({ v: 1, graph, viewport: { x: 0, y: 0, zoom: 1 } }),
    )
    const page = await context.newPage()
    await page.goto(`${url}/`)
    await page.waitForFunction(() => window.__s6d !== undefined, null, { timeout: 60_000 })
    await page.waitForSelector('.react-flow__node', { timeout: 60_000 })
    await page.waitForTimeout(800)
    const rows: BenchRow[] = []
    let n = 0
    for (const probe of PANELS) {
      await page.getByRole('tab', { name: probe.tab, exact: true }).click()
      await page.locator('#preview-body').waitFor()
      await page.waitForTimeout(500)
      const times: number[] = []
      // One edit to warm up, then the measured ones.
      for (let i = 0; i <= EDITS; i++) {
        const t = await timeEdit(page, probe, `bench-${n++}`)
        if (i > 0) times.push(t)
        await page.waitForTimeout(150)
      }
      const value = Math.round(median(times) * 10) / 10
      rows.push({
        name: `edit to updated ${probe.label} (${size} services)`,
        value,
        unit: 'ms',
        budget: BUDGET_MS,
        met: value <= BUDGET_MS,
      })
    }
    await context.close()
    return rows
  } finally {
    await browser.close()
    server.kill()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPreview()
    .then((rows) => {
      for (const r of rows)
        console.log(
          `${r.met ? 'ok  ' : 'MISS'} ${r.name}: ${r.value} ${r.unit} (budget ≤ ${r.budget} ${r.unit})`,
        )
    })
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
