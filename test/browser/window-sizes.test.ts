/**
 * The designer at the window sizes people have: every top-bar control in sight from 1024 px
 * up, the legend clear of the overview map, and below 1024 px a note and the details panel as
 * a drawer over the canvas, with no page to scroll sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type Site, newPage, startSite } from './harness'
import { openDesigner, shot } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

/** The top bar's controls (links and buttons) that end past the window's right edge. */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.topbar a, .topbar button')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
      .map((el) => el.getAttribute('aria-label') ?? el.textContent ?? '?'),
  )
}

function overlap(a: DOMRect | null, b: DOMRect | null): boolean {
  if (!a || !b) return false
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

describe('window sizes', () => {
  for (const width of [1024, 1280, 1366, 1600]) {
    it(`at ${width} px every top-bar control is in sight and the legend clears the map`, async () => {
      const { page, errors, context } = await newPage(site)
      await page.setViewportSize({ width, height: 720 })
      await openDesigner(site, page, '?example=reference')
      expect(await cutOff(page)).toEqual([])
      // Named for screen readers even where they show as icons only.
      for (const name of ['Import', 'Share', 'Download zip', 'Find service…'])
        expect(await page.getByRole('button', { name, exact: false }).count()).toBeGreaterThan(0)
      const legend = await page.locator('.legend').evaluate((e) => e.getBoundingClientRect())
      const map = await page
        .locator('.react-flow__minimap')
        .evaluate((e) => e.getBoundingClientRect())
      expect(overlap(legend, map)).toBe(false)
      expect(await page.locator('.narrow-note').isVisible()).toBe(false)
      // Where the Find button shows its label, the whole of it (a fixed width cut it short).
      const label = page.locator('.search-trigger span:nth-child(2)')
      if (width >= 1366)
        expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
      if (width === 1024) await shot(page, 'designer-1024')
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('under 1024 px the details panel opens over the canvas, and the page never scrolls sideways', async () => {
    for (const [width, height] of [
      [768, 1024],
      [390, 844],
    ] as const) {
      const { page, errors, context } = await newPage(site)
      await page.setViewportSize({ width, height })
      await openDesigner(site, page, '?example=reference')
      expect(await page.locator('.narrow-note').isVisible()).toBe(true)
      const sideways = () =>
        page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(await sideways()).toBeLessThanOrEqual(0)
      const panel = page.locator('.side-panel')
      const inView = async () => {
        const box = await panel.boundingBox()
        return box !== null && box.x >= 0 && box.x + box.width <= width + 1
      }
      // Closed at first; selecting a service opens it with the inspector.
      expect(await panel.isVisible()).toBe(false)
      await page.locator('.react-flow__node[data-id="config-check"]').focus()
      await page.keyboard.press('Enter')
      await expect.poll(inView).toBe(true)
      await page.locator('.inspector[data-service="config-check"]').waitFor()
      // Its close button hides it and gives the focus to Details, which opens it again.
      await page.getByRole('button', { name: 'Close the details' }).click()
      await expect.poll(() => panel.isVisible()).toBe(false)
      const toggle = page.getByRole('button', { name: 'Details', exact: true })
      expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true)
      expect(await toggle.getAttribute('aria-expanded')).toBe('false')
      await toggle.click()
      await expect.poll(inView).toBe(true)
      expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      // Every top-bar control is on screen (the bar wraps), so is every button of the canvas
      // palette (it wraps too), and nothing made the page wider.
      expect(await cutOff(page)).toEqual([])
      const palette = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.palette button')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
          .map((el) => el.textContent),
      )
      expect(palette).toEqual([])
      expect(await sideways()).toBeLessThanOrEqual(0)
      if (width === 768) await shot(page, 'designer-768-details')
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
