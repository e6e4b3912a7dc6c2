/**
 * The canvas with a large design: only the nodes on screen are ever rendered, and the handle
 * positions the canvas declares up front (so React Flow need not render a node to measure it)
 * are where the page draws the handles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NODE_HANDLES } from '@/components/canvas/to-flow-elements'
import { bundle, createGraph, longrun, oneshot } from '@/lib/graph/service-graph'
import type { Service, ServiceGraph, XY } from '@/lib/graph/types'
import { type Site, newPage, startSite } from './harness'
import { openDesigner } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

/** `count` services in columns of 20, each needing the one before, 50 of them in user. */
function largeGraph(count: number): ServiceGraph {
  const services: Record<string, Service> = {}
  const layout: Record<string, XY> = {}
  const names = Array.from({ length: count }, (_, i) => `svc-${String(i).padStart(4, '0')}`)
  names.forEach((name, i) => {
    const dependencies = i === 0 ? [] : [names[i - 1]!]
    services[name] = i % 10 === 0 ? oneshot({ dependencies }) : longrun({ dependencies })
    layout[name] = { x: Math.floor(i / 20) * 320, y: (i % 20) * 96 }
  })
  services.user = bundle({ contents: names.slice(0, 50) })
  layout.user = { x: Math.ceil(count / 20) * 320, y: 0 }
  return { ...createGraph({ name: 'large' }), services, layout }
}

describe('canvas with a large design', () => {
  it('never renders the nodes that are off screen, not even once to measure them', async () => {
    const { page, errors, context } = await newPage(site)
    const saved = JSON.stringify({
      v: 1,
      graph: largeGraph(500),
      viewport: { x: 0, y: 0, zoom: 1 },
    })
    await context.addInitScript((raw: string) => {
      localStorage.setItem('s6d-autosave', raw)
      const w = window as unknown as { __mostNodes: number }
      w.__mostNodes = 0
      new MutationObserver(() => {
        const n = document.querySelectorAll('.react-flow__node').length
        if (n > w.__mostNodes) w.__mostNodes = n
      }).observe(document, { childList: true, subtree: true })
    }, saved)
    await page.goto(`${site.url}/`)
    await page.waitForSelector('.react-flow__node[data-id="svc-0001"]', { state: 'visible' })
    await page.waitForTimeout(600)
    const most = await page.evaluate(
      () => (window as unknown as { __mostNodes: number }).__mostNodes,
    )
    const shown = await page.locator('.react-flow__node').count()
    // About four columns of eight rows fit in 1280 x 720; 501 nodes exist.
    expect(shown).toBeGreaterThan(10)
    expect(shown).toBeLessThan(60)
    expect(most).toBe(shown)
    // An edge to a node that was never rendered is drawn all the same (svc-0008 is below).
    expect(await page.locator('.react-flow__node[data-id="svc-0008"]').count()).toBe(0)
    expect(await page.locator('.react-flow__edge[data-id*="svc-0008"]').count()).toBe(1)
    // Panning two columns to the left brings the next ones in, and only those.
    const pane = await page.locator('.react-flow__pane').boundingBox()
    if (!pane) throw new Error('no pane')
    const from = { x: pane.x + 268, y: pane.y + 300 }
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x - i * 80, from.y)
    await page.mouse.up()
    await expect.poll(() => page.locator('.react-flow__node[data-id="svc-0080"]').count()).toBe(1)
    expect(await page.locator('.react-flow__node[data-id="svc-0001"]').count()).toBe(0)
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(60)
    expect(errors).toEqual([])
    await context.close()
  })

  it('fits, finds and shows a problem of a large design that is off screen', async () => {
    const { page, errors, context } = await newPage(site)
    const graph = largeGraph(300)
    // One error, far from the top-left: svc-0291's run script is empty.
    const broken = graph.services['svc-0291']
    if (broken?.type !== 'longrun') throw new Error('svc-0291 is not a longrun')
    broken.run = { language: 'sh', body: '' }
    // A view far away from every node, as after opening a design over another one.
    const saved = JSON.stringify({ v: 1, graph, viewport: { x: 90000, y: 90000, zoom: 1.2 } })
    await context.addInitScript((raw: string) => localStorage.setItem('s6d-autosave', raw), saved)
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => window.__s6d !== undefined)
    const drawn = () => page.locator('.react-flow__node').count()
    expect(await drawn()).toBe(0)
    // React Flow's own fit counted only measured nodes: with none drawn, it fitted nothing.
    // (Clicked again while nothing is drawn: a click before React Flow has set its viewport up,
    // on a loaded machine, fits nothing either, and a user would click again.)
    const fit = page.locator('.react-flow__controls-fitview')
    await expect
      .poll(
        async () => {
          if ((await drawn()) === 0) await fit.click()
          return drawn()
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(20)
    // Find moves the view to a service that is not drawn yet, and focuses its node.
    await page.keyboard.press('Control+k')
    await page.keyboard.type('svc-0250')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id), {
        timeout: 5000,
      })
      .toBe('svc-0250')
    // Far away again (the saved view is put back on load); a problem's Go to the field brings
    // its service on screen.
    await page.reload()
    await page.waitForFunction(() => window.__s6d !== undefined)
    expect(await drawn()).toBe(0)
    await page.getByRole('button', { name: /1 error/ }).click()
    await page.locator('.problem-main', { hasText: "svc-0291's run script is empty" }).click()
    const pane = await page.locator('.react-flow__pane').boundingBox()
    await expect
      .poll(
        async () => {
          const box = await page.locator('.react-flow__node[data-id="svc-0291"]').boundingBox()
          return (
            box !== null &&
            pane !== null &&
            box.x >= pane.x &&
            box.y >= pane.y &&
            box.x + box.width <= pane.x + pane.width &&
            box.y + box.height <= pane.y + pane.height
          )
        },
        { timeout: 5000 },
      )
      .toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('declares each type of node with its handles where the page draws them', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const measured = await page.evaluate(() => {
      const viewport = document.querySelector('.react-flow__viewport') as HTMLElement
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a
      const out: Record<string, { type: string; x: number; y: number; w: number; h: number }[]> = {}
      for (const n of Array.from(document.querySelectorAll('.react-flow__node'))) {
        const type = /react-flow__node-(oneshot|longrun|bundle)/.exec(n.className)?.[1]
        if (!type || out[type]) continue
        const nb = n.getBoundingClientRect()
        out[type] = Array.from(n.querySelectorAll('.react-flow__handle')).map((h) => {
          const b = h.getBoundingClientRect()
          return {
            type: h.classList.contains('source') ? 'source' : 'target',
            x: (b.left - nb.left) / zoom,
            y: (b.top - nb.top) / zoom,
            w: b.width / zoom,
            h: b.height / zoom,
          }
        })
      }
      return out
    })
    expect(Object.keys(measured).sort()).toEqual(['bundle', 'longrun', 'oneshot'])
    for (const [type, handles] of Object.entries(measured)) {
      const declared = NODE_HANDLES[type as keyof typeof NODE_HANDLES]
      expect(handles.map((h) => h.type).sort()).toEqual(declared.map((h) => h.type).sort())
      for (const h of handles) {
        const d = declared.find((x) => x.type === h.type)!
        expect(Math.abs(h.x - d.x), `${type} ${h.type} x`).toBeLessThan(0.5)
        expect(Math.abs(h.y - d.y), `${type} ${h.type} y`).toBeLessThan(0.5)
        expect(Math.abs(h.w - (d.width ?? 0)), `${type} ${h.type} width`).toBeLessThan(0.5)
        expect(Math.abs(h.h - (d.height ?? 0)), `${type} ${h.type} height`).toBeLessThan(0.5)
      }
    }
    expect(errors).toEqual([])
    await context.close()
  })
})
