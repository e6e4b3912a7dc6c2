/**
 * Screenshots of every preview panel for the reference example, light and dark
 * (test-results/screenshots/preview-*.png), each checked for what it must show.
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

async function designer(colorScheme: 'light' | 'dark') {
  const opened = await newPage(site, { colorScheme })
  await opened.context.addInitScript(() => localStorage.setItem('s6d-preview-height', '470'))
  await opened.page.setViewportSize({ width: 1280, height: 1000 })
  await openDesigner(site, opened.page)
  return opened
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click()
  await page.locator('#preview-body').waitFor()
  // The dock took room from the canvas: fit the graph into what is left.
  await page.locator('.react-flow__controls-fitview').click()
  // Away from every row, so nothing shows as hovered.
  await page.mouse.move(1270, 990)
  await page.waitForTimeout(250)
}

for (const scheme of ['light', 'dark'] as const) {
  const suffix = scheme === 'dark' ? '-dark' : ''
  describe(`preview screenshots (${scheme})`, () => {
    it('process tree, start order and shutdown of the reference example', async () => {
      const { page, errors, context } = await designer(scheme)

      await openTab(page, 'Process tree')
      // s6-svscan (PID 1), 3 s6 helpers (s6-fdholderd not running: no pipeline) and 3
      // services with their processes.
      expect(await page.locator('.ps-row').count()).toBe(13)
      expect(await page.locator('.ps-count').allInnerTexts()).toEqual(['× 2'])
      await shot(page, `preview-process-tree${suffix}`)

      await openTab(page, 'Start order')
      // s6-overlay's boot: fix-attrs, legacy-cont-init, the design's two waves, legacy-services.
      expect(await page.locator('.wave').count()).toBe(5)
      expect(await page.getByTestId('start-summary').innerText()).toMatch(/5 waves/)
      expect(await page.locator('.tl-row.is-critical').count()).toBe(5)
      // The critical path decides when s6-rc is done; the one ready later is named apart.
      const total = (await page.getByTestId('start-summary').innerText()).match(
        /s6-rc is done after ([0-9.]+ m?s)/,
      )?.[1]
      const critical = (await page.locator('.pv-critical').textContent()) ?? ''
      expect(critical).toContain(`what decides when s6-rc is done, ${total}`)
      expect(critical).toMatch(/Ready last: \S+ \(~[0-9.]+ m?s\), which s6-rc does not wait for/)
      // The 30 s start limits go on past the 7 s axis: their bars end in an arrow and say so.
      const cut = page.locator('.tl-seg.is-cut')
      expect(await cut.count()).toBe(2)
      expect(await cut.first().getAttribute('title')).toMatch(
        /goes on past the axis, to 3[0-9] s\)$/,
      )
      await shot(page, `preview-start-order${suffix}`)

      await openTab(page, 'Shutdown')
      const verdict = page.locator('.verdict')
      expect(await verdict.getAttribute('data-status')).toBe('ok')
      expect(await verdict.innerText()).toContain('9 s')
      await shot(page, `preview-shutdown${suffix}`)
      expect(errors).toEqual([])
      await context.close()
    })

    it('files after an edit, and the docs page', async () => {
      const { page, errors, context } = await designer(scheme)
      await openTab(page, 'Files')
      await page.evaluate(() => window.__s6d!.store.getState().connect('worker', 'web'))
      await page.locator('.ft-row.mark-added').waitFor()
      // The last edit's new marker file, from the "Last edit" strip.
      await page.locator('.files-change.is-added').click()
      await expect
        .poll(() => page.locator('.fv').getAttribute('data-path'))
        .toMatch(/\/worker\/dependencies\.d\/web$/)
      expect(await page.locator('.fv-note').innerText()).toContain('starts after web')
      await page.mouse.move(1270, 990)
      await shot(page, `preview-files${suffix}`)
      await page.locator('.ft-row[data-path$="/README.md"] .ft-button').click()
      await page.locator('.fv-line.is-inserted').first().waitFor()
      await page.mouse.move(1270, 990)
      await shot(page, `preview-files-readme${suffix}`)

      await openTab(page, 'README')
      await page.getByTestId('docs-page').locator('h2').first().waitFor()
      await shot(page, `preview-docs${suffix}`)
      await page.locator('.docs-outline a', { hasText: 'Graceful shutdown' }).click()
      await page.waitForTimeout(200)
      await shot(page, `preview-docs-shutdown${suffix}`)
      expect(errors).toEqual([])
      await context.close()
    })
  })
}

describe('preview screenshots: a stop that docker stop cuts short', () => {
  it('shows the verdict, the fixes and the overrun', async () => {
    const { page, errors, context } = await designer('light')
    await page.evaluate(() => {
      const store = window.__s6d!.store
      const web = store.getState().graph.services.web!
      if (web.type === 'longrun')
        store.getState().updateService('web', { ...web, timeoutKill: 9000 })
    })
    await openTab(page, 'Shutdown')
    const verdict = page.locator('.verdict')
    expect(await verdict.getAttribute('data-status')).toBe('over')
    const text = await verdict.innerText()
    expect(text).toContain('13 s')
    expect(text).toContain('Lower timeout-kill on web')
    expect(text).toContain('docker stop -t 14')
    expect(text).toContain('stop_grace_period: 14s')
    // No tick label runs into "docker stop 10 s" or out of the axis.
    const clash = await page.evaluate(() => {
      const axis = document.querySelector('.pv-stop .tl-axis')!.getBoundingClientRect()
      const line = document.querySelector('.pv-stop .tl-line-label')!.getBoundingClientRect()
      return [...document.querySelectorAll('.pv-stop .tl-tick')]
        .filter((t) => getComputedStyle(t).visibility !== 'hidden')
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
        .filter(({ r }) => (r.left < line.right && r.right > line.left) || r.right > axis.right)
        .map(({ text }) => text)
    })
    expect(clash).toEqual([])
    await shot(page, 'preview-shutdown-over')
    // A fix focuses the field it names.
    await page.getByRole('button', { name: /Lower timeout-kill on web/ }).click()
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-field]')?.getAttribute('data-field'),
        ),
      )
      .toBe('timeoutKill')

    await page.evaluate(() => {
      const store = window.__s6d!.store
      const worker = store.getState().graph.services.worker!
      if (worker.type === 'longrun')
        store.getState().updateService('worker', { ...worker, timeoutKill: 0 })
    })
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('unbounded')
    expect(await verdict.innerText()).toContain('Set timeout-kill on worker')
    await shot(page, 'preview-shutdown-unbounded')
    expect(errors).toEqual([])
    await context.close()
  })
})
