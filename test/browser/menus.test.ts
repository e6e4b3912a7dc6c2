/**
 * The dropdown menus (Examples, Import, export options) share one keyboard and pointer
 * behaviour; so do the two tab lists (Details, Preview).
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

const focused = (page: Page) =>
  page.evaluate(() => ({
    role: document.activeElement?.getAttribute('role') ?? null,
    text: document.activeElement?.textContent ?? '',
    popup: document.activeElement?.getAttribute('aria-haspopup') ?? null,
  }))

describe('menus', () => {
  it('focus the first item, move with the arrows, close with Escape, Tab or a click outside', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/`)
    await page.waitForSelector('.react-flow__node')
    const examples = page.getByRole('button', { name: /^Examples/ })
    await examples.click()
    const items = page.getByRole('menuitem')
    const first = (await items.nth(0).textContent()) ?? ''
    const second = (await items.nth(1).textContent()) ?? ''
    expect((await focused(page)).text).toBe(first)
    await page.keyboard.press('ArrowDown')
    expect((await focused(page)).text).toBe(second)
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    // Wraps around to the last item.
    expect((await focused(page)).text).toBe((await items.last().textContent()) ?? '')
    await page.keyboard.press('Escape')
    expect(await page.getByRole('menu').count()).toBe(0)
    expect(await examples.getAttribute('aria-expanded')).toBe('false')
    expect((await focused(page)).popup).toBe('menu')

    await page.getByRole('button', { name: /^Import/ }).click()
    expect(await page.getByRole('menu', { name: 'Import' }).count()).toBe(1)
    await page.mouse.click(300, 600)
    expect(await page.getByRole('menu').count()).toBe(0)

    await page.getByRole('button', { name: 'More export options' }).click()
    expect((await focused(page)).role).toBe('menuitem')
    await page.keyboard.press('Tab')
    expect(await page.getByRole('menu').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('tab lists', () => {
  it('the Details tabs are one tab stop and move with the arrow keys', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/`)
    await page.waitForSelector('.react-flow__node')
    const tablist = page.getByRole('tablist', { name: 'Details' })
    // The side panel loads in a chunk of its own, after the canvas.
    await tablist.waitFor()
    expect(await tablist.locator('[role="tab"][tabindex="0"]').count()).toBe(1)
    await tablist.getByRole('tab', { name: 'Inspector' }).focus()
    await page.keyboard.press('ArrowRight')
    expect((await focused(page)).text).toBe('Project')
    expect(await tablist.getByRole('tab', { name: 'Project' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    expect(await page.locator('#side-panel-project').count()).toBe(1)
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect((await focused(page)).text).toMatch(/^Problems/)
    await page.keyboard.press('Home')
    expect((await focused(page)).text).toBe('Inspector')
    expect(errors).toEqual([])
    await context.close()
  })
})
