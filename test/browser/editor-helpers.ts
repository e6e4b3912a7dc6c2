/**
 * Helpers for the designer's browser tests: open the page, read the live graph through the
 * `window.__s6d` test hook, and drag between node handles like a user does.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { ServiceGraph } from '@/lib/graph/types'
import { SCREENSHOTS, type Site } from './harness'

/** Opens the designer (optionally with a query) and waits until the canvas has drawn. */
export async function openDesigner(site: Site, page: Page, query = ''): Promise<void> {
  await page.goto(`${site.url}/${query}`)
  await page.waitForSelector('.react-flow__node', { state: 'visible' })
  await page.waitForFunction(() => window.__s6d !== undefined)
  // Let auto-layout and the fit-view animation settle.
  await page.waitForTimeout(450)
}

/** The graph in the live store. */
export async function liveGraph(page: Page): Promise<ServiceGraph> {
  return page.evaluate(() => {
    const hook = window.__s6d
    if (!hook) throw new Error('no test hook')
    return JSON.parse(JSON.stringify(hook.store.getState().graph)) as ServiceGraph
  })
}

/** The graph in the localStorage autosave (after the debounce). */
export async function savedGraph(page: Page): Promise<ServiceGraph | undefined> {
  await page.waitForTimeout(400)
  // The first save of a page comes 250 ms after its first change; on a busy machine, later.
  await page
    .waitForFunction(() => localStorage.getItem('s6d-autosave') !== null, undefined, {
      timeout: 5000,
    })
    .catch(() => undefined)
  return page.evaluate(() => {
    const raw = localStorage.getItem('s6d-autosave')
    return raw ? ((JSON.parse(raw) as { graph: ServiceGraph }).graph ?? undefined) : undefined
  })
}

export function node(page: Page, name: string) {
  return page.locator(`.react-flow__node[data-id="${name}"]`)
}

async function centre(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox()
  if (!box) throw new Error(`${selector} is not visible`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * Drags from `from`'s right handle (what starts first) to `to`'s left handle: `to` will need
 * `from` (a dependency), or `from` joins `to` when `to` is a bundle. With `hold`, stops before
 * releasing and runs it (to look at the hint while dragging).
 */
export async function dragConnect(
  page: Page,
  from: string,
  to: string,
  hold?: () => Promise<void>,
): Promise<void> {
  const a = await centre(page, `.react-flow__node[data-id="${from}"] .react-flow__handle.source`)
  const b = await centre(page, `.react-flow__node[data-id="${to}"] .react-flow__handle.target`)
  await page.mouse.move(a.x, a.y)
  await page.mouse.down()
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 6 })
  await page.mouse.move(b.x, b.y, { steps: 6 })
  if (hold) await hold()
  await page.mouse.up()
}

/** Clicks a node on its name (selects it, opens the inspector). */
export async function selectNode(page: Page, name: string): Promise<void> {
  await node(page, name).locator('.node-name').click()
  await page.waitForSelector(`.inspector[data-service="${name}"]`)
}

/** Adds a service from the palette and renames it in the inspector. */
export async function addNamed(
  page: Page,
  type: 'oneshot' | 'longrun' | 'bundle',
  name: string,
): Promise<void> {
  await page.getByRole('button', { name: `Add ${type}`, exact: true }).click()
  const input = page.locator('#f-name')
  await input.waitFor()
  await input.fill(name)
  await input.press('Enter')
  await page.waitForSelector(`.react-flow__node[data-id="${name}"]`, { state: 'attached' })
}

export async function tidy(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Auto-layout' }).click()
  await page.waitForTimeout(500)
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}
