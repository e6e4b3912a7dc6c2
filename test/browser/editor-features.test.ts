/**
 * Editor features found by a review of the designer: a service's type changed from the
 * inspector's header, Cut (Ctrl+X), rename from the canvas (F2, double-click on a name), the
 * keyboard shortcut sheet (?), keyboard zoom (+, -, Shift+1), undo steps for env rows and none
 * for a change that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import { liveGraph, node, openDesigner, selectNode, tidy } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

describe('editor features', () => {
  it("changes a service's type from the inspector, says what was left behind, and undoes it", async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const before = (await liveGraph(page)).services.web
    if (before?.type !== 'longrun') throw new Error('the reference example has a longrun web')
    await selectNode(page, 'web')
    await page.getByRole('button', { name: 'Type: longrun. Change type' }).click()
    await page.getByRole('menuitem', { name: /^Make it a oneshot/ }).click()
    const web = async () => (await liveGraph(page)).services.web
    await expect.poll(async () => (await web())?.type).toBe('oneshot')
    const after = await web()
    // The run script became the oneshot's up script; the dependencies stayed.
    expect(after).toMatchObject({ up: before.run, dependencies: before.dependencies })
    expect((await liveGraph(page)).project.healthcheck?.services).toEqual([])
    const notice = page.getByTestId('notice')
    expect(await notice.textContent()).toMatch(
      /^web is now a oneshot\. Left behind: its child processes, finish script, .* and place in the health check\./,
    )
    // The inspector shows the oneshot's fields, and the pill the new type.
    await page.getByRole('button', { name: 'Type: oneshot. Change type' }).waitFor()
    await notice.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(web).toEqual(before)

    // A longrun in a logging pipeline stays one, and the notice says why.
    await openDesigner(site, page, '?example=logger-pipeline')
    await selectNode(page, 'api')
    await page.getByRole('button', { name: 'Type: longrun. Change type' }).click()
    await page.getByRole('menuitem', { name: /^Make it a bundle/ }).click()
    expect(await page.getByTestId('notice').textContent()).toMatch(
      /^api's output goes to api-log \(a logging pipeline\)/,
    )
    expect((await liveGraph(page)).services.api?.type).toBe('longrun')
    expect(errors).toEqual([])
    await context.close()
  })

  it('cuts the selection with Ctrl+X: copied, removed with an Undo notice, pasted back; not in a field', async () => {
    const { page, errors, context } = await newPage(site, {
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await openDesigner(site, page, '?example=reference')
    const names = async () => Object.keys((await liveGraph(page)).services)
    // In a text field Ctrl+X cuts text, never the service.
    await selectNode(page, 'worker')
    const description = page.locator('.inspector [data-field="description"]')
    await description.focus()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Control+x')
    await expect.poll(() => description.inputValue()).toBe('')
    expect(await names()).toContain('worker')

    await selectNode(page, 'web')
    await node(page, 'web').focus()
    await page.keyboard.press('Control+x')
    await expect.poll(names).not.toContain('web')
    const notice = page.getByTestId('notice')
    expect(await notice.textContent()).toMatch(/^Removed web and 2 referencesUndo$/)
    const saved = await page.evaluate(() => localStorage.getItem('s6d-clipboard'))
    expect(JSON.parse(saved ?? '{}').graph.services.web.type).toBe('longrun')
    // Pasted back under its own name, with its dependencies, and booted again.
    await page.keyboard.press('Control+v')
    await expect.poll(names).toContain('web')
    const g = await liveGraph(page)
    expect(g.services.web).toMatchObject({ dependencies: ['redis-ready', 'config-check'] })
    expect(g.services.user).toMatchObject({ contents: ['scheduler', 'worker', 'web'] })
    // user alone cannot be cut, and says why, as Delete does.
    await selectNode(page, 'user')
    await node(page, 'user').focus()
    await page.keyboard.press('Control+x')
    await expect.poll(() => notice.textContent()).toMatch(/^user cannot be deleted/)
    expect(await names()).toContain('user')
    expect(errors).toEqual([])
    await context.close()
  })

  it("renames from the canvas: F2 or a double-click on a node's name selects the Name field", async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    /** The focused field and its selected text. */
    const focusedSelection = () =>
      page.evaluate(() => {
        const el = document.activeElement
        if (!(el instanceof HTMLInputElement)) return undefined
        const text = el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0)
        return { field: el.dataset.field, text }
      })
    await selectNode(page, 'web')
    await node(page, 'web').focus()
    await page.keyboard.press('F2')
    await expect.poll(focusedSelection).toEqual({ field: 'name', text: 'web' })
    await page.keyboard.type('api')
    await page.keyboard.press('Enter')
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toContain('api')

    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style')
    const before = await viewport()
    await node(page, 'worker').locator('.node-name-text').dblclick()
    await expect.poll(focusedSelection).toEqual({ field: 'name', text: 'worker' })
    expect(await page.locator('.inspector').getAttribute('data-service')).toBe('worker')
    // The double-click renames; it does not zoom the canvas.
    expect(await viewport()).toBe(before)
    expect(errors).toEqual([])
    await context.close()
  })

  it('lists every shortcut on "?" and from the empty inspector, and gives the focus back on Escape', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    const focusedId = () =>
      page.evaluate(
        () =>
          document.activeElement?.getAttribute('data-id') ?? document.activeElement?.textContent,
      )
    // A "?" typed in a field is text.
    await selectNode(page, 'worker')
    await page.locator('.inspector [data-field="description"]').focus()
    await page.keyboard.type('?')
    expect(await sheet.count()).toBe(0)

    await selectNode(page, 'web')
    await node(page, 'web').focus()
    await page.keyboard.press('Shift+Slash')
    await sheet.waitFor()
    const text = await sheet.textContent()
    for (const what of ['Cut', 'Rename', 'Duplicate', 'Find a service', 'Tidy up', 'Select all'])
      expect(text).toContain(what)
    expect(await sheet.locator('dt', { hasText: 'F2' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => sheet.count()).toBe(0)
    expect(await focusedId()).toBe('web')
    // Escape went to the sheet only: the selection stays.
    expect(await page.locator('.inspector').getAttribute('data-service')).toBe('web')

    await page.keyboard.press('Escape')
    const all = page.getByRole('button', { name: 'All shortcuts' })
    await all.click()
    await sheet.waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => sheet.count()).toBe(0)
    expect(await focusedId()).toBe('All shortcuts')
    expect(errors).toEqual([])
    await context.close()
  })

  it('zooms the canvas with + and -, fits the design with Shift+1, and leaves those keys to fields', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const zoom = () => page.evaluate(() => window.__s6d?.store.getState().ui.viewport?.zoom ?? 0)
    const settle = () => page.waitForTimeout(400)
    await node(page, 'web').focus()
    await page.keyboard.press('Shift+1')
    await settle()
    const fitted = await zoom()
    await page.keyboard.press('+')
    await settle()
    await page.keyboard.press('=')
    await settle()
    const zoomedIn = await zoom()
    expect(zoomedIn).toBeGreaterThan(fitted * 1.3)
    await page.keyboard.press('-')
    await settle()
    expect(await zoom()).toBeLessThan(zoomedIn)
    await page.keyboard.press('Shift+1')
    await settle()
    expect(await zoom()).toBeCloseTo(fitted, 2)
    // Every node is back in view.
    const canvas = (await page.getByTestId('canvas').boundingBox())!
    for (const box of await page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(canvas.x)
      expect(box.right).toBeLessThanOrEqual(canvas.x + canvas.width)
    }
    // In a field, - is text.
    await selectNode(page, 'web')
    await page.locator('.inspector [data-field="description"]').focus()
    await page.keyboard.press('-')
    await settle()
    expect(await zoom()).toBeCloseTo(fitted, 2)
    expect(errors).toEqual([])
    await context.close()
  })

  it('makes each added variable an undo step of its own, with its name focused', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const history = () => page.evaluate(() => window.__s6d?.store.getState().past.length ?? -1)
    const env = async () => {
      const web = (await liveGraph(page)).services.web
      return web?.type === 'longrun' ? web.env.length : -1
    }
    const focusedField = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-field'))
    await selectNode(page, 'web')
    const start = await history()
    const add = page.locator('#f-env-add')
    await add.click()
    await expect.poll(focusedField).toBe('env.0.name')
    await add.click()
    await expect.poll(focusedField).toBe('env.1.name')
    expect(await env()).toBe(2)
    expect(await history()).toBe(start + 2)
    // The new name field has nothing of its own to undo: Ctrl+Z takes back one row.
    await page.keyboard.press('Control+z')
    await expect.poll(env).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('adds no undo step for a change that changes nothing: Auto-layout again, the same value picked', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const history = () => page.evaluate(() => window.__s6d?.store.getState().past.length ?? -1)
    await tidy(page)
    const start = await history()
    await tidy(page)
    expect(await history()).toBe(start)
    await page.getByRole('tab', { name: 'Project' }).click()
    const manager = page.locator('#f-p-packageManager')
    await manager.selectOption(await manager.inputValue())
    expect(await history()).toBe(start)
    // A real change still is one.
    await manager.selectOption('apk')
    expect(await history()).toBe(start + 1)
    expect(errors).toEqual([])
    await context.close()
  })
})
