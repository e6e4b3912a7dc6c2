/** Autosave, reload and an unreadable saved state. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import type { ServiceGraph } from '@/lib/graph/types'
import { addNamed, liveGraph, openDesigner, savedGraph } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

describe('designer persistence', () => {
  it('restores the exact graph and view after a reload', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'api')
    await page.getByRole('button', { name: 'Zoom In' }).click()
    await page.waitForTimeout(300)
    const before = await liveGraph(page)
    expect(await savedGraph(page)).toEqual(before)
    const viewport = await page.locator('.react-flow__viewport').getAttribute('style')
    await page.reload()
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    await page.waitForTimeout(300)
    expect(await liveGraph(page)).toEqual(before)
    expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(viewport)
    expect(errors).toEqual([])
    await context.close()
  })

  it('says so when the saved state is unreadable, offers it for download and starts empty', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await page.evaluate(() => localStorage.setItem('s6d-autosave', '{"v":1,"graph":{"services":'))
    await page.reload()
    const banner = page.getByTestId('saved-state-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/could not be restored/)
    await page.waitForFunction(() => window.__s6d !== undefined)
    expect(Object.keys((await liveGraph(page)).services)).toEqual(['user'])
    const download = page.waitForEvent('download')
    await banner.getByRole('button', { name: /Download the saved data/ }).click()
    const file = await download
    const path = await file.path()
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(path, 'utf8')).toBe('{"v":1,"graph":{"services":')
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens the saved design from a full storage, and says until a save succeeds that nothing is saved', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'my-work')
    expect(Object.keys((await savedGraph(page))?.services ?? {})).toContain('my-work')
    const banner = page.getByTestId('not-saved-banner')
    // The storage is full from now on: every write is refused.
    const full = () => {
      const w = window as unknown as { __setItem?: Storage['setItem'] }
      w.__setItem ??= Storage.prototype.setItem
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError')
      }
    }
    await context.addInitScript(full)
    await page.reload()
    await page.waitForFunction(() => window.__s6d !== undefined)
    // Reads still work: the saved design opens, not the example, and the page says at once
    // that it cannot save.
    expect(Object.keys((await liveGraph(page)).services)).toContain('my-work')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/not being saved/)
    await addNamed(page, 'longrun', 'more-work')
    await page.waitForTimeout(600)
    expect(await banner.isVisible()).toBe(true)
    // Room again: the next save goes through, and the banner goes away.
    await page.evaluate(() => {
      const w = window as unknown as { __setItem?: Storage['setItem'] }
      if (w.__setItem) Storage.prototype.setItem = w.__setItem
    })
    await addNamed(page, 'longrun', 'last-work')
    await banner.waitFor({ state: 'detached' })
    expect(Object.keys((await savedGraph(page))?.services ?? {})).toContain('more-work')
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the design New replaced in Recent designs, after a reload too', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'api')
    await addNamed(page, 'oneshot', 'migrate')
    const mine = await liveGraph(page)
    page.on('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: 'New blank design' }).click()
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toEqual(['user'])
    expect(await page.locator('.notice').textContent()).toMatch(/Import › Recent designs/)
    await page.reload()
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    const recent = await page.evaluate(() => localStorage.getItem('s6d-recent-designs'))
    const entries = (JSON.parse(recent ?? '{}') as { items?: { graph: unknown; reason: string }[] })
      .items
    expect(entries?.[0]).toMatchObject({ reason: 'new' })
    expect(Object.keys((entries?.[0]?.graph as typeof mine).services).sort()).toEqual(
      Object.keys(mine.services).sort(),
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('tells Recent designs of one name apart, and undoes Forget', async () => {
    const { page, errors, context } = await newPage(site)
    page.on('dialog', (d) => void d.accept())
    await openDesigner(site, page)
    for (const name of ['alpha-svc', 'beta-svc']) {
      await addNamed(page, 'longrun', name)
      await page.getByRole('button', { name: 'New blank design' }).click()
    }
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('menuitem', { name: /Recent designs/ }).click()
    const dialog = page.getByTestId('recent-dialog')
    await dialog.waitFor()
    const services = () => dialog.locator('.recent-services').allTextContents()
    // Each row names some of its services (the reference example's first, then a blank one's).
    const both = /^beta-svc \| config-check, redis-ready, scheduler, web…$/
    expect((await services()).join(' | ')).toMatch(both)
    const forget = () =>
      dialog
        .getByRole('button', { name: /^Forget / })
        .first()
        .click()
    await forget()
    expect(await services()).toHaveLength(1)
    await dialog.getByText(/^Forgot /).waitFor()
    await dialog.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await services()).join(' | ')).toMatch(both)
    // Forgetting the last one: the dialog offers it back rather than saying there is nothing.
    await forget()
    await forget()
    expect(await services()).toHaveLength(0)
    expect(await dialog.textContent()).not.toMatch(/Nothing yet/)
    await dialog.getByRole('button', { name: 'Undo' }).click()
    expect(await services()).toEqual(['config-check, redis-ready, scheduler, web…'])
    expect(errors).toEqual([])
    await context.close()
  })

  it("a reload opens this tab's design, not one another tab saved since, and loses neither", async () => {
    const { page: a, errors, context } = await newPage(site)
    await openDesigner(site, a)
    await addNamed(a, 'longrun', 'tab-a-svc')
    await savedGraph(a)
    // A second tab of the same browser opens the saved design and saves a changed one over it.
    const b = await context.newPage()
    b.on('dialog', (d) => void d.accept())
    await openDesigner(site, b)
    expect(Object.keys((await liveGraph(b)).services)).toContain('tab-a-svc')
    await b.getByRole('button', { name: 'New blank design' }).click()
    await addNamed(b, 'oneshot', 'tab-b-svc')
    expect(Object.keys((await savedGraph(b))?.services ?? {})).toContain('tab-b-svc')
    await a.reload()
    await a.waitForFunction(() => window.__s6d !== undefined)
    const names = Object.keys((await liveGraph(a)).services)
    expect(names).toContain('tab-a-svc')
    expect(names).not.toContain('tab-b-svc')
    await a
      .getByTestId('notice')
      .filter({ hasText: /Reopened this tab's design/ })
      .waitFor()
    // Tab A's next edit saves it; tab B's design goes to Recent designs.
    await addNamed(a, 'bundle', 'after-reload')
    expect(Object.keys((await savedGraph(a))?.services ?? {})).toContain('after-reload')
    const aside = await a.evaluate(() => {
      const raw = localStorage.getItem('s6d-recent-designs') ?? '{"items":[]}'
      const items = (JSON.parse(raw) as { items: { reason: string; graph: ServiceGraph }[] }).items
      return items.filter((e) => e.reason === 'tab').map((e) => Object.keys(e.graph.services))
    })
    expect(aside).toEqual([expect.arrayContaining(['tab-b-svc'])])
    expect(errors).toEqual([])
    await context.close()
  })

  it('an Open in designer link of an example can be undone, back to the design it replaced', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'my-own-work')
    await savedGraph(page)
    await openDesigner(site, page, '?example=nested-bundles')
    expect(Object.keys((await liveGraph(page)).services)).not.toContain('my-own-work')
    const notice = page.getByTestId('notice').filter({ hasText: /Opened the example/ })
    await notice.getByRole('button', { name: 'Undo' }).click()
    await expect
      .poll(async () => Object.keys((await liveGraph(page)).services))
      .toContain('my-own-work')
    expect(errors).toEqual([])
    await context.close()
  })
})
