/**
 * Details of the editor a demanding user notices: a variable row just added does not shout
 * about its empty name before anything is typed; on a Mac, shortcuts are shown with ⌘ and ⌥;
 * undo brings what it changed on screen; the design stays in view when the dock opens; the
 * overview map can be hidden, and stays hidden; a back edge loops under its nodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import { node, openDesigner, selectNode } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Whether `box` lies wholly inside `pane`. */
function within(box: Box | null, pane: Box): boolean {
  return (
    box !== null &&
    box.x >= pane.x &&
    box.y >= pane.y &&
    box.x + box.width <= pane.x + pane.width &&
    box.y + box.height <= pane.y + pane.height
  )
}

describe('editor polish', () => {
  it("shows a new variable's empty-name error only once the focus leaves the variables", async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await selectNode(page, 'worker')
    const before = await page.locator('.env-row').count()
    await page.getByRole('button', { name: 'Add variable' }).click()
    const row = page.locator('.env-row').nth(before)
    const name = row.locator('input').first()
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await row.textContent()).not.toMatch(/empty name/)
    expect(await name.getAttribute('aria-invalid')).toBe('false')
    // To its value, and to Add variable and back: still quiet (an error there would push the
    // button away between the press and the release of a click).
    await page.keyboard.press('Tab')
    expect(await row.textContent()).not.toMatch(/empty name/)
    // Left for another field of the service: now it is a mistake, and the row says so.
    await page.locator('.inspector [data-field="description"]').focus()
    await expect.poll(() => row.textContent()).toMatch(/empty name/)
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(errors).toEqual([])
    await context.close()
  })

  it('writes the shortcuts with ⌘ and ⌥ on a Mac, and with Ctrl and Alt elsewhere', async () => {
    for (const platform of ['MacIntel', 'Linux x86_64']) {
      const { page, errors, context } = await newPage(site)
      await page.addInitScript((p) => {
        Object.defineProperty(Navigator.prototype, 'platform', { get: () => p })
      }, platform)
      await openDesigner(site, page, '?example=reference')
      const mac = platform === 'MacIntel'
      // The empty inspector's hints and the buttons' titles.
      const hints = (await page.locator('.inspector-empty .shortcut-list').textContent()) ?? ''
      expect(hints.includes('⌘')).toBe(mac)
      expect(hints.includes('Ctrl')).toBe(!mac)
      expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe(
        mac ? 'Undo (⌘Z)' : 'Undo (Ctrl+Z)',
      )
      await page.getByRole('button', { name: 'All shortcuts' }).click()
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await sheet.waitFor()
      const keys = await sheet.locator('kbd').allTextContents()
      expect(keys.includes('⌘')).toBe(mac)
      expect(keys.includes('⌥')).toBe(mac)
      expect(keys.includes('Ctrl')).toBe(!mac)
      expect(keys.includes('Alt')).toBe(!mac)
      expect(errors).toEqual([])
      await context.close()
    }
  })

  it('brings what an undo changed on screen when the canvas was scrolled away from it', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await selectNode(page, 'worker')
    await page.locator('.inspector [data-field="description"]').fill('Runs the jobs.')
    await page.waitForTimeout(100)
    const pane = (await page.locator('.react-flow').boundingBox())!
    const onScreen = async () => within(await node(page, 'worker').boundingBox(), pane)
    // Drag the empty canvas until worker is off screen to the right.
    for (let i = 0; i < 3 && (await onScreen()); i++) {
      const from = { x: pane.x + 12, y: pane.y + pane.height - 12 }
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      await page.mouse.move(from.x + pane.width - 40, from.y, { steps: 8 })
      await page.mouse.up()
    }
    expect(await onScreen()).toBe(false)
    await page.keyboard.press('Control+z')
    await expect
      .poll(() => page.evaluate(() => window.__s6d!.store.getState().selection.services))
      .toEqual(['worker'])
    await expect.poll(onScreen, { timeout: 3000 }).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the whole design in view when the dock opens under it', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const allOnScreen = async () => {
      const pane = (await page.locator('.react-flow').boundingBox())!
      const boxes = await Promise.all(
        (await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()),
      )
      return boxes.every((b) => within(b, pane))
    }
    expect(await allOnScreen()).toBe(true)
    await page.getByRole('tab', { name: 'Start order', exact: true }).click()
    await page.locator('#preview-body').waitFor()
    await expect.poll(allOnScreen, { timeout: 3000 }).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('hides the overview map on request, and keeps it hidden after a reload', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const map = page.locator('.react-flow__minimap')
    const toggle = page.getByRole('button', { name: 'Overview map' })
    expect(await map.count()).toBe(1)
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await toggle.click()
    expect(await map.count()).toBe(0)
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await page.reload()
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    expect(await map.count()).toBe(0)
    await toggle.click()
    expect(await map.count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it("draws an edge that runs right to left (a cycle's back edge) as a loop under its two nodes", async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await page.waitForFunction(() => window.__s6d !== undefined)
    // redis-ready (left) now also depends on web (right): a cycle, drawn from web back to it.
    await page.evaluate(() => {
      const s = window.__s6d!.store.getState()
      const redis = s.graph.services['redis-ready']!
      if (redis.type !== 'oneshot') throw new Error('redis-ready is a oneshot')
      s.commit({
        ...s.graph,
        services: {
          ...s.graph.services,
          'redis-ready': { ...redis, dependencies: [...redis.dependencies, 'web'] },
        },
      })
    })
    const path = page.locator(
      '.react-flow__edge[data-id="dep:redis-ready>web"] path.react-flow__edge-path',
    )
    await path.waitFor()
    const line = (await path.boundingBox())!
    const web = (await node(page, 'web').boundingBox())!
    const redis = (await node(page, 'redis-ready').boundingBox())!
    // Under both nodes, and out past both ends: not a curve through them.
    expect(line.y + line.height).toBeGreaterThan(
      Math.max(web.y + web.height, redis.y + redis.height),
    )
    expect(line.x).toBeLessThan(redis.x)
    expect(line.x + line.width).toBeGreaterThan(web.x + web.width)
    expect(errors).toEqual([])
    await context.close()
  })

  it("reads a problem's fix to a screen reader, and rings a focused field clearly", async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await selectNode(page, 'worker')
    const run = page.locator('.inspector [data-field="run"]')
    await run.fill('')
    await page.getByRole('button', { name: /1 error/ }).click()
    const problem = page.locator('.problem-main', { hasText: "worker's run script is empty" })
    const label = (await problem.getAttribute('aria-label')) ?? ''
    const fix = (await problem.locator('.problem-fix').textContent()) ?? ''
    expect(fix.length).toBeGreaterThan(10)
    expect(label).toContain(fix.trim())
    expect(label).not.toMatch(/\.\./)
    expect(label).toMatch(/^error: .* Go to the field\.$/)
    // A focused text field shows a solid 2 px ring (its border and 1 px more), not a faint halo.
    await problem.click()
    const name = page.locator('#f-name')
    await name.focus()
    await expect
      .poll(() => name.evaluate((el) => getComputedStyle(el).boxShadow))
      .toMatch(/^rgb\(\d+, \d+, \d+\) 0px 0px 0px 1px/)
    expect(errors).toEqual([])
    await context.close()
  })
})
