/**
 * Canvas behaviour in a real browser: refused connections, undo and redo, deleting with
 * references, copy and paste.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type Site, newPage, startSite } from './harness'
import { dragConnect, liveGraph, node, openDesigner, selectNode, shot } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

async function reference(options: { permissions?: string[] } = {}) {
  const opened = await newPage(site, options)
  await openDesigner(site, opened.page, '?example=reference')
  return opened
}

async function deps(page: Page, name: string): Promise<string[] | undefined> {
  const s = (await liveGraph(page)).services[name]
  return s && s.type !== 'bundle' ? s.dependencies : undefined
}

describe('designer canvas', () => {
  it('refuses a connection that would make a cycle and says why, while dragging and after', async () => {
    const { page, errors, context } = await reference()
    // web needs redis-ready; dragging from web to redis-ready would make redis-ready need web.
    let hint = ''
    let hintVisible = false
    await dragConnect(page, 'web', 'redis-ready', async () => {
      const el = page.locator('.connection-hint')
      hint = (await el.textContent()) ?? ''
      // It is on screen, near the cursor, above the nodes.
      const box = await el.boundingBox()
      const target = await page
        .locator('.react-flow__node[data-id="redis-ready"] .react-flow__handle.target')
        .boundingBox()
      hintVisible =
        box !== null &&
        target !== null &&
        box.x >= 0 &&
        Math.abs(box.x - target.x) < 80 &&
        Math.abs(box.y - target.y) < 80 &&
        (await el.evaluate((e) => getComputedStyle(e).visibility === 'visible'))
    })
    expect(hint).toMatch(/cycle/i)
    expect(hintVisible).toBe(true)
    const notice = page.getByTestId('notice')
    await expect.poll(() => notice.textContent()).toMatch(/cycle/i)
    // Said at once to screen readers, through the assertive live region that stays mounted.
    expect(await page.locator('.sr-only[role="alert"]').textContent()).toMatch(/cycle/i)
    expect(await deps(page, 'redis-ready')).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('makes a dependency by dragging between handles, and undo and redo remove and re-apply it', async () => {
    const { page, errors, context } = await reference()
    await dragConnect(page, 'config-check', 'redis-ready')
    await expect.poll(() => deps(page, 'redis-ready')).toEqual(['config-check'])
    await page.keyboard.press('Control+z')
    await expect.poll(() => deps(page, 'redis-ready')).toEqual([])
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => deps(page, 'redis-ready')).toEqual(['config-check'])
    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await expect.poll(() => deps(page, 'redis-ready')).toEqual([])
    await page.getByRole('button', { name: 'Redo', exact: true }).click()
    await expect.poll(() => deps(page, 'redis-ready')).toEqual(['config-check'])
    expect(errors).toEqual([])
    await context.close()
  })

  it('undoes a whole burst of typing in one step', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'worker')
    const description = page.locator('#f-description')
    const before = await description.inputValue()
    await description.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Fast.')
    await expect
      .poll(async () => (await liveGraph(page)).services.worker?.description)
      .toBe(`${before} Fast.`)
    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await expect.poll(async () => (await liveGraph(page)).services.worker?.description).toBe(before)
    expect(errors).toEqual([])
    await context.close()
  })

  it('deletes a service and its references with the Delete key, with an undo notice', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    await node(page, 'web').focus()
    await page.keyboard.press('Delete')
    await expect
      .poll(async () => Object.keys((await liveGraph(page)).services))
      .not.toContain('web')
    const g = await liveGraph(page)
    const user = g.services.user
    expect(user?.type === 'bundle' && user.contents).toEqual(['scheduler', 'worker'])
    expect(g.project.healthcheck?.services).toEqual([])
    const notice = page.getByTestId('notice')
    expect(await notice.textContent()).toMatch(/Removed web and 2 references/)
    await notice.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toContain('web')
    expect(errors).toEqual([])
    await context.close()
  })

  it("a notice's Undo goes away once another edit is made, instead of undoing that edit", async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    await node(page, 'web').focus()
    await page.keyboard.press('Delete')
    const notice = page.getByTestId('notice')
    await expect.poll(() => notice.textContent()).toMatch(/Removed web/)
    expect(await notice.getByRole('button', { name: 'Undo' }).count()).toBe(1)
    await page
      .getByRole('button', { name: /Add oneshot/i })
      .first()
      .click()
    await expect.poll(async () => Object.keys((await liveGraph(page)).services).length).toBe(6)
    // The notice of the removal, if still up, has no Undo left.
    expect(await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it("makes a selected service's edges stand out and the others recede", async () => {
    const { page, errors, context } = await reference()
    const edgeClasses = () =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('.react-flow__edge')].map((e) => [
            e.getAttribute('data-id'),
            e.classList.contains('is-related')
              ? 'related'
              : e.classList.contains('is-unrelated')
                ? 'unrelated'
                : 'plain',
          ]),
        ),
      )
    expect(new Set(Object.values(await edgeClasses()))).toEqual(new Set(['plain']))
    await selectNode(page, 'web')
    await expect
      .poll(async () => {
        const c = await edgeClasses()
        const ids = Object.keys(c)
        return {
          web: ids.filter((id) => id.includes('web')).every((id) => c[id] === 'related'),
          others: ids.filter((id) => !id.includes('web')).every((id) => c[id] === 'unrelated'),
          some: ids.some((id) => id.includes('web')) && ids.some((id) => !id.includes('web')),
        }
      })
      .toEqual({ web: true, others: true, some: true })
    await shot(page, 'canvas-selection-edges')
    expect(errors).toEqual([])
    await context.close()
  })

  it('cuts a long name in the middle, so names of one family stay apart', async () => {
    const { page, errors, context } = await reference()
    const names = [
      'queue-worker-default',
      'queue-worker-default-log',
      'queue-worker-default-log-prepare',
    ]
    await page.evaluate((list) => {
      const s = window.__s6d!.store.getState()
      for (const name of list) s.addService('longrun', { name, select: false })
    }, names)
    const shown = await Promise.all(
      names.map((n) => node(page, n).locator('.node-name-text').textContent()),
    )
    expect(shown).toEqual(['queue-worker-default', 'queue-wo…default-log', 'queue-wo…log-prepare'])
    expect(await node(page, names[2]!).locator('.node').getAttribute('title')).toBe(names[2])
    expect(errors).toEqual([])
    await context.close()
  })

  it("points a logger edge's arrow at the logger, the way the output goes", async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=logger-pipeline')
    const edge = page.locator('.react-flow__edge.edge-pipeline').first()
    const path = edge.locator('.react-flow__edge-path')
    expect(await path.getAttribute('marker-start')).toMatch(/s6d-arrow-pipeline/)
    expect(await path.getAttribute('marker-end')).toBeNull()
    expect(await edge.getAttribute('aria-label')).toMatch(
      /^(\S+) sends its output to \1-log, its logger$/,
    )
    expect(await edge.textContent()).toBe('output')
    // The logger's stop is bounded (timeout-kill): nothing to note. Without the limit, its
    // unbounded stop is a note, shown in the Shutdown preview, and the counter says it is there.
    expect(await page.locator('.problem-counter').textContent()).toBe('No problems')
    await selectNode(page, 'api-log')
    await page.locator('#f-timeoutKill').fill('')
    await page.locator('#f-timeoutKill').press('Tab')
    await expect
      .poll(() => page.locator('.problem-counter').textContent())
      .toBe('No problems· 1 note')
    expect(errors).toEqual([])
    await context.close()
  })

  it('deletes a logger node as its switch does: the service it logged boots again', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=logger-pipeline')
    await selectNode(page, 'api-log')
    await page.keyboard.press('Delete')
    await expect
      .poll(async () => Object.keys((await liveGraph(page)).services).sort())
      .toEqual(['api', 'user'])
    expect((await liveGraph(page)).services.user).toMatchObject({ contents: ['api'] })
    expect(await page.locator('.problem-counter').textContent()).toBe('No problems')
    expect(errors).toEqual([])
    await context.close()
  })

  it('draws the whole overview map inside its box', async () => {
    const { page, errors, context } = await reference()
    const sizes = await page.locator('.react-flow__minimap').evaluate((box) => {
      const svg = box.querySelector('svg')!.getBoundingClientRect()
      return { box: box.clientWidth, svg: svg.width, boxH: box.clientHeight, svgH: svg.height }
    })
    expect(sizes.svg).toBeLessThanOrEqual(sizes.box)
    expect(sizes.svgH).toBeLessThanOrEqual(sizes.boxH)
    expect(errors).toEqual([])
    await context.close()
  })

  it('deletes a dependency edge', async () => {
    const { page, errors, context } = await reference()
    const edge = page.locator(
      '.react-flow__edge[aria-label="redis-ready starts before worker (worker depends on redis-ready)"]',
    )
    // Click the middle of the edge's path.
    const point = await edge.evaluate((g) => {
      const path = g.querySelector('path.react-flow__edge-path') as SVGPathElement
      const p = path.getPointAtLength(path.getTotalLength() / 2)
      const m = path.getScreenCTM()!
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f }
    })
    await page.mouse.click(point.x, point.y)
    await page.keyboard.press('Delete')
    await expect.poll(() => deps(page, 'worker')).toEqual(['config-check'])
    expect(errors).toEqual([])
    await context.close()
  })

  it('copies and pastes a service under a new name with its references', async () => {
    const { page, errors, context } = await reference({
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await selectNode(page, 'web')
    await node(page, 'web').focus()
    await page.keyboard.press('Control+c')
    await page.keyboard.press('Control+v')
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toContain('web-2')
    expect(await deps(page, 'web-2')).toEqual(['redis-ready', 'config-check'])
    const g = await liveGraph(page)
    const user = g.services.user
    expect(user?.type === 'bundle' && user.contents).toContain('web-2')
    // The copy is selected and drawn.
    await node(page, 'web-2').waitFor()
    expect(await page.locator('.inspector').getAttribute('data-service')).toBe('web-2')
    expect(errors).toEqual([])
    await context.close()
  })
})
