/**
 * The designer at the window sizes people have: every top-bar control in sight from 1024 px
 * up, the legend clear of the overview map, and below 1024 px a note and a page that scrolls
 * sideways to what does not fit.
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

  it('under 1024 px says so, and the page scrolls sideways to the side panel', async () => {
    const { page, errors, context } = await newPage(site)
    await page.setViewportSize({ width: 390, height: 844 })
    await openDesigner(site, page, '?example=reference')
    expect(await page.locator('.narrow-note').isVisible()).toBe(true)
    await page.locator('.home').evaluate((e) => (e.scrollLeft = e.scrollWidth))
    const panel = await page.locator('.side-panel').boundingBox()
    expect(panel && panel.x >= 0 && panel.x + panel.width <= 390 + 1).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
