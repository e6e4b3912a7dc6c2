/**
 * The designer and the docs under the display settings people use (found by a review of window
 * sizes and settings): forced colours (high contrast), a laptop at 200% zoom, reduced motion,
 * the system's dark theme, and printing a docs page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import { openDesigner, selectNode, shot } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

describe('display settings', () => {
  it('in forced colours, shows which switch is on, the chosen language, the selected node and the chart bars', async () => {
    const { page, errors, context } = await newPage(site)
    await page.emulateMedia({ forcedColors: 'active' })
    await openDesigner(site, page, '?example=reference')
    await selectNode(page, 'web')
    const looks = await page.evaluate(() => {
      const style = (selector: string) => {
        const el = document.querySelector(selector)
        if (!el) throw new Error(`no ${selector}`)
        return getComputedStyle(el)
      }
      const checked = document.querySelector('.switch input:checked + .switch-track')
      const unchecked = document.querySelector('.switch input:not(:checked) + .switch-track')
      return {
        checkedTrack: checked ? getComputedStyle(checked).backgroundColor : null,
        uncheckedTrack: unchecked ? getComputedStyle(unchecked).backgroundColor : null,
        trackBorder: style('.switch-track').borderTopStyle,
        segment: style('.segment[aria-checked="true"]').outlineStyle,
        otherSegment: style('.segment[aria-checked="false"]').outlineStyle,
        selected: style('.node.is-selected').outlineStyle,
        unselected: style('.react-flow__node[data-id="worker"] .node').outlineStyle,
      }
    })
    expect(looks.trackBorder).toBe('solid')
    expect(looks.checkedTrack).not.toBeNull()
    if (looks.uncheckedTrack !== null) expect(looks.checkedTrack).not.toBe(looks.uncheckedTrack)
    expect(looks.segment).toBe('solid')
    expect(looks.otherSegment).toBe('none')
    expect(looks.selected).toBe('solid')
    expect(looks.unselected).toBe('none')
    // A focused node is outlined (its usual ring is a shadow, which forced colours drop).
    await page.locator('.react-flow__node[data-id="worker"]').focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    expect(
      await page.evaluate(() => {
        const el = document.activeElement
        return el?.classList.contains('react-flow__node') ? getComputedStyle(el).outlineStyle : ''
      }),
    ).toBe('dashed')
    // The shutdown chart keeps its bars.
    await page.getByRole('tab', { name: 'Shutdown' }).click()
    await page.locator('.budget-services').waitFor()
    const bars = await page.evaluate(() =>
      // A step's bar (the first row, s6-overlay's legacy-services, is a zero-length ring).
      ['.budget-services', '.budget-grace', '.tl-seg-signal'].map((s) => {
        const el = document.querySelector(s)
        return el ? getComputedStyle(el).backgroundColor : 'missing'
      }),
    )
    for (const bar of bars)
      expect(bar).not.toMatch(/^(missing|rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\))$/)
    await shot(page, 'forced-colours-shutdown')
    expect(errors).toEqual([])
    await context.close()
  })

  it('at 200% zoom on a laptop, an open preview leaves the canvas room, and a menu scrolls to its last item', async () => {
    const { page, errors, context } = await newPage(site)
    await page.setViewportSize({ width: 640, height: 360 })
    await openDesigner(site, page, '?example=reference')
    // The note about narrow windows can be hidden, for the tab's life.
    await page.getByRole('note').getByRole('button', { name: 'Hide' }).click()
    expect(await page.locator('.narrow-note').isVisible()).toBe(false)
    await page.getByRole('tab', { name: 'Start order' }).click()
    await page.locator('#preview-body').waitFor()
    const canvas = await page.locator('.react-flow').boundingBox()
    expect(canvas!.height).toBeGreaterThanOrEqual(150)
    // The design is fitted to the short canvas: its nodes stay readable (not a few px tall).
    const nodeHeight = async () =>
      (await page.locator('.react-flow__node[data-id="web"]').boundingBox())!.height
    await expect.poll(nodeHeight).toBeGreaterThan(20)
    await shot(page, 'zoom-200-preview')
    // Closing the previews gives the canvas its room back, and the design is fitted to it.
    await page.getByRole('button', { name: 'Collapse previews' }).click()
    const inView = async () => {
      const pane = (await page.locator('.react-flow').boundingBox())!
      const nodes = await page.locator('.react-flow__node').all()
      const boxes = await Promise.all(nodes.map((n) => n.boundingBox()))
      return boxes.every(
        (b) => b !== null && b.y >= pane.y && b.y + b.height <= pane.y + pane.height,
      )
    }
    await expect.poll(inView).toBe(true)
    expect(await nodeHeight()).toBeGreaterThan(20)
    await page.reload()
    await page.waitForFunction(() => window.__s6d !== undefined)
    await expect.poll(() => page.locator('.narrow-note').isVisible()).toBe(false)
    // The Examples menu fits the window and scrolls; End reaches its last item, in sight.
    await page.getByRole('button', { name: /Examples/ }).click()
    const list = page.getByRole('menu')
    await list.waitFor()
    const box = await list.boundingBox()
    expect(box!.y + box!.height).toBeLessThanOrEqual(360 + 1)
    await page.keyboard.press('End')
    const last = list.getByRole('menuitem').last()
    await expect.poll(() => last.evaluate((el) => el === document.activeElement)).toBe(true)
    const item = await last.boundingBox()
    expect(item!.y + item!.height).toBeLessThanOrEqual(360 + 1)
    // The page itself did not scroll the top bar away.
    expect((await page.locator('.topbar').boundingBox())!.y).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('with reduced motion, Find jumps to the service instead of panning there', async () => {
    const { page, errors, context } = await newPage(site)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await openDesigner(site, page, '?example=reference')
    const transform = () =>
      page.evaluate(
        () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
      )
    const before = await transform()
    await page.keyboard.press('Control+k')
    await page.keyboard.type('scheduler')
    await page.keyboard.press('Enter')
    await page.waitForTimeout(60)
    const soon = await transform()
    await page.waitForTimeout(500)
    expect(soon).not.toBe(before)
    expect(await transform()).toBe(soon)
    expect(errors).toEqual([])
    await context.close()
  })

  it("in the system's dark theme, the shutdown budget's labels are dark on the light bars", async () => {
    const { page, errors, context } = await newPage(site, { colorScheme: 'dark' })
    await openDesigner(site, page, '?example=reference')
    await page.getByRole('tab', { name: 'Shutdown' }).click()
    const label = page.locator('.budget-services')
    await label.waitFor()
    expect(await label.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(14, 14, 17)')
    expect(errors).toEqual([])
    await context.close()
  })

  it('prints a docs page as the article alone, light and with its code wrapped', async () => {
    const { page, errors, context } = await newPage(site, { colorScheme: 'dark' })
    await page.goto(`${site.url}/docs/dockerfile/`)
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => ({
      hidden: ['.docs-header', '.docs-sidebar', '.docs-toc', '.copy-button', '.pager'].map((s) => {
        const el = document.querySelector(s)
        return el ? getComputedStyle(el).display : 'none'
      }),
      text: getComputedStyle(document.body).color,
      pre: getComputedStyle(document.querySelector('.code-block pre')!).whiteSpace,
      code: getComputedStyle(document.querySelector('.shiki span')!).color,
    }))
    expect(printed.hidden).toEqual(['none', 'none', 'none', 'none', 'none'])
    expect(printed.text).toBe('rgb(24, 24, 27)')
    expect(printed.pre).toBe('pre-wrap')
    // Shiki's light colours: no near-white text on paper.
    const [r, g, b] = printed.code.match(/\d+/g)!.map(Number)
    expect(r! + g! + b!).toBeLessThan(600)
    expect(errors).toEqual([])
    await context.close()
  })

  it('in a short docs window the header scrolls away, and a narrow one keeps the s6-overlay link in the menu', async () => {
    const { page, errors, context } = await newPage(site)
    await page.goto(`${site.url}/docs/dockerfile/`)
    // Wide: the header has the link, the sidebar does not repeat it.
    const inSidebar = page
      .locator('.docs-sidebar')
      .getByRole('link', { name: 's6-overlay on GitHub' })
    expect(await inSidebar.isVisible()).toBe(false)
    await page.setViewportSize({ width: 640, height: 360 })
    await page.mouse.wheel(0, 800)
    await expect
      .poll(async () => (await page.locator('.docs-header').boundingBox())!.y)
      .toBeLessThan(-10)
    await page.mouse.wheel(0, -2000)
    await page.getByRole('button', { name: /Menu/ }).click()
    const link = page.getByRole('link', { name: 's6-overlay on GitHub' })
    expect(await link.isVisible()).toBe(true)
    expect(await link.getAttribute('href')).toBe('https://github.com/just-containers/s6-overlay')
    expect(errors).toEqual([])
    await context.close()
  })

  it('on a touch screen, the script language buttons, the name chips and the type menu are big enough to tap', async () => {
    const context = await site.browser.newContext({
      viewport: { width: 1280, height: 720 },
      hasTouch: true,
    })
    const page = await context.newPage()
    await openDesigner(site, page, '?example=reference')
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true)
    await selectNode(page, 'web')
    const sizes = await page.evaluate(() =>
      ['.segment', '.chip-remove', '.type-pill-button'].map(
        (s) => document.querySelector(s)?.getBoundingClientRect().height ?? 0,
      ),
    )
    for (const h of sizes) expect(h).toBeGreaterThanOrEqual(24)
    await context.close()
  })
})
