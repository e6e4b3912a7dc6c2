/**
 * Designer canvas benchmark against the built static export (out/): for generated graphs of
 * 500 and 2,000 services, the time to first render, the time from an edit to the updated
 * inspector and canvas, and frames per second while panning: medians over five page loads.
 *
 *   npx next build && npx tsx bench/canvas.ts
 *
 * Not a test: numbers depend on the machine. Budgets are for 500 services (under 1 s, under
 * 100 ms, at least 50 fps); 2,000 services are reported without a budget.
 */
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium } from 'playwright-core'
import { bundle, createGraph, longrun, oneshot } from '../lib/graph/service-graph'
import type { Service, ServiceGraph, XY } from '../lib/graph/types'
import { CHROMIUM, LAUNCH_ARGS, serveOut } from '../test/browser/harness'
import { type BenchRow, median } from './row'

/** A deterministic graph: 1 oneshot in 10, longruns depending on up to two earlier services. */
export function generateGraph(count: number): ServiceGraph {
  const services: Record<string, Service> = {}
  const layout: Record<string, XY> = {}
  const longruns: string[] = []
  const perColumn = 20
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`
    const deps = i === 0 ? [] : [`svc-${String(Math.floor(i / 2)).padStart(4, '0')}`]
    if (i > 3 && i % 3 === 0) deps.push(`svc-${String(i - 3).padStart(4, '0')}`)
    if (i % 10 === 0) services[name] = oneshot({ dependencies: deps.filter((d) => d !== name) })
    else {
      services[name] = longrun({ dependencies: deps.filter((d) => d !== name), timeoutKill: 3000 })
      longruns.push(name)
    }
    layout[name] = { x: Math.floor(i / perColumn) * 320, y: (i % perColumn) * 96 }
  }
  services.user = bundle({ contents: longruns.slice(0, 50) })
  layout.user = { x: Math.ceil(count / perColumn) * 320, y: 0 }
  return { ...createGraph({ name: `bench-${count}` }), services, layout }
}

interface Sample {
  firstRender: number
  edit: number
  fps: number
}

/** One page load: first render, one edit, one pan. */
async function sample(browser: Browser, url: string, graph: ServiceGraph): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const saved = JSON.stringify({ v: 1, graph, viewport: { x: 0, y: 0, zoom: 1 } })
  // tsx keeps function names with an `__name` helper that the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  await context.addInitScript((raw: string) => {
    localStorage.setItem('s6d-autosave', raw)
    const w = window as unknown as { __firstNodeAt?: number }
    new MutationObserver((_, observer) => {
      if (document.querySelector('.react-flow__node .node-name')) {
        w.__firstNodeAt = performance.now()
        observer.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
  }, saved)
  const page = await context.newPage()
  await page.goto(`${url}/`)
  await page.waitForFunction(
    () => (window as unknown as { __firstNodeAt?: number }).__firstNodeAt !== undefined,
    null,
    {
      timeout: 60_000,
    },
  )
  const firstRender = await page.evaluate(
    () => (window as unknown as { __firstNodeAt: number }).__firstNodeAt,
  )
  await page.waitForTimeout(500)

  // An edit as the inspector makes it: a new env var shows in the inspector and on the node.
  const target = 'svc-0001'
  await page.evaluate((name) => window.__s6d?.store.getState().selectService(name), target)
  await page.waitForSelector(`.inspector[data-service="${target}"]`)
  const edit = await page.evaluate(async (name) => {
    const store = window.__s6d!.store
    const s = store.getState().graph.services[name]
    if (!s || s.type !== 'longrun') throw new Error('no longrun to edit')
    const t0 = performance.now()
    store.getState().updateService(name, { ...s, env: [...s.env, { name: 'BENCH', value: '1' }] })
    return new Promise<number>((resolve) => {
      const check = () => {
        const inspector = document.querySelector('#f-env-0-name') as HTMLInputElement | null
        const node = document.querySelector(`.react-flow__node[data-id="${name}"] .node-meta`)
        if (inspector?.value === 'BENCH' && node?.textContent?.includes('1 env'))
          resolve(performance.now() - t0)
        else requestAnimationFrame(check)
      }
      check()
    })
  }, target)

  // Panning: drag the pane from a gap between two columns while counting frames.
  const box = await page.locator('.react-flow__pane').boundingBox()
  if (!box) throw new Error('no pane')
  const start = { x: box.x + 268, y: box.y + 300 }
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean }
    w.__frames = []
    w.__counting = true
    const tick = (t: number) => {
      w.__frames.push(t)
      if (w.__counting) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  for (let i = 1; i <= 90; i++) {
    await page.mouse.move(start.x - i * 6, start.y - i * 3)
    await page.waitForTimeout(16)
  }
  await page.mouse.up()
  const fps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __counting: boolean }
    w.__counting = false
    const f = w.__frames
    const span = (f[f.length - 1]! - f[0]!) / 1000
    return span > 0 ? (f.length - 1) / span : 0
  })
  await context.close()
  return { firstRender, edit, fps }
}

/** Page loads per size; each figure is the median over them. */
const LOADS = 5

async function measure(browser: Browser, url: string, count: number): Promise<BenchRow[]> {
  const graph = generateGraph(count)
  const samples: Sample[] = []
  for (let i = 0; i < LOADS; i++) samples.push(await sample(browser, url, graph))
  const of = (key: keyof Sample) => median(samples.map((s) => s[key]))
  const budgeted = count <= 500
  const row = (
    name: string,
    value: number,
    unit: string,
    budget: number,
    higherIsBetter = false,
  ): BenchRow => ({
    name: `${name} (${count} services)`,
    value: Math.round(value * 10) / 10,
    unit,
    budget: budgeted ? budget : null,
    met: !budgeted || (higherIsBetter ? value >= budget : value <= budget),
  })
  return [
    row('time to first render', of('firstRender'), 'ms', 1000),
    row('edit to updated inspector and canvas', of('edit'), 'ms', 100),
    row('frames per second while panning', of('fps'), 'fps', 50, true),
  ]
}

/** Runs the benchmark; needs out/ (a production build) and Chromium at /usr/bin/chromium. */
export async function benchCanvas(sizes: readonly number[] = [500, 2000]): Promise<BenchRow[]> {
  if (!existsSync('out/index.html')) throw new Error('out/ is missing: run `npx next build` first')
  const { url, server } = await serveOut()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  try {
    const rows: BenchRow[] = []
    for (const n of sizes) rows.push(...(await measure(browser, url, n)))
    return rows
  } finally {
    await browser.close()
    server.kill()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchCanvas()
    .then((rows) => {
      for (const r of rows) {
        const budget =
          r.budget === null ? '' : ` (budget ${r.unit === 'fps' ? '≥' : '≤'} ${r.budget} ${r.unit})`
        console.log(`${r.met ? 'ok  ' : 'MISS'} ${r.name}: ${r.value} ${r.unit}${budget}`)
      }
    })
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
