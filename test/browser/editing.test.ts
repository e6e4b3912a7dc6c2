/**
 * Editing without losing work, found by an editor review: an example keeps the design it
 * replaces, a name typed but not confirmed survives a reload, Ctrl+Z undoes the design where a
 * field has nothing of its own to undo (a list, a name field the focus just landed in), typing
 * in a description or a script is undone a run at a time (also across a Tab indent), and Select
 * all then Delete says what it removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import { addNamed, liveGraph, openDesigner, selectNode } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

const names = async (page: Parameters<typeof liveGraph>[0]) =>
  Object.keys((await liveGraph(page)).services).sort()

describe('editing keeps work', () => {
  it('puts the design an example replaces in Recent designs, after a reload too', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'precious')
    await page.getByRole('button', { name: /^Examples/ }).click()
    await page.getByRole('menuitem').first().click()
    await expect.poll(() => names(page)).not.toContain('precious')
    expect(await page.locator('.notice').textContent()).toMatch(/Import › Recent designs/)
    await page.waitForTimeout(400)
    await page.reload()
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    const entries = await page.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('s6d-recent-designs') ?? '{}') as {
            items?: { reason: string; graph: { services: Record<string, unknown> } }[]
          }
        ).items ?? [],
    )
    expect(entries[0]?.reason).toBe('example')
    expect(Object.keys(entries[0]?.graph.services ?? {})).toContain('precious')
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps a valid name typed but not confirmed when the page is reloaded', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await selectNode(page, 'web')
    await page.locator('#f-name').fill('webapp')
    await page.waitForTimeout(300)
    await page.reload()
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    await page.waitForFunction(() => window.__s6d !== undefined)
    expect(await names(page)).toContain('webapp')
    expect(await names(page)).not.toContain('web')
    expect(errors).toEqual([])
    await context.close()
  })

  it('undoes the design with Ctrl+Z from a list, and from a name field the focus just landed in', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    const before = await names(page)
    await page.getByRole('button', { name: 'Add oneshot' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-name')
    await expect.poll(() => names(page)).toHaveLength(before.length + 1)
    await page.keyboard.press('Control+z')
    await expect.poll(() => names(page)).toEqual(before)

    await selectNode(page, 'web')
    const signal = page.locator('[data-field="downSignal"]')
    await signal.focus()
    const was = await signal.inputValue()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => signal.inputValue()).not.toBe(was)
    await page.keyboard.press('Control+z')
    await expect.poll(() => signal.inputValue()).toBe(was)
    expect(errors).toEqual([])
    await context.close()
  })

  it('undoes typing in a description or a script a run at a time, Tab indents included', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await selectNode(page, 'web')
    const description = page.locator('#f-description')
    const original = await description.inputValue()
    await description.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' hello world')
    await page.keyboard.press('Control+z')
    await expect.poll(() => description.inputValue()).toBe(original)
    // The field's own undo reached the design too.
    await expect
      .poll(async () => (await liveGraph(page)).services.web?.description ?? '')
      .toBe(original)

    const run = page.locator('[data-field="run"]')
    const body = await run.inputValue()
    await run.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\necho a')
    await page.keyboard.press('Tab')
    await page.keyboard.type('b')
    expect(await run.inputValue()).toBe(`${body}\necho a  b`)
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z')
    await expect.poll(() => run.inputValue()).toBe(body)
    expect(errors).toEqual([])
    await context.close()
  })

  it('puts back a number typed wrong when the focus leaves it, and says so', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await selectNode(page, 'config-check')
    const field = page.locator('#f-timeoutUp')
    const before = await field.inputValue()
    await field.fill('3x')
    expect(await page.locator('.field.has-error').count()).toBeGreaterThan(0)
    await page.locator('#f-description').click()
    await expect.poll(() => field.inputValue()).toBe(before)
    expect(await page.locator('.notice').textContent()).toMatch(
      /^Start timeout not changed: Enter a number/,
    )
    expect((await liveGraph(page)).services['config-check']).toMatchObject({ timeoutUp: 30_000 })
    // The unit beside it keeps the typing: a value wrong in one unit may be right in the other.
    await field.fill('3x')
    await page.locator('[aria-label="Start timeout unit"]').focus()
    expect(await field.inputValue()).toBe('3x')
    expect(errors).toEqual([])
    await context.close()
  })

  it('says what Select all then Delete removed, with Undo', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page, '?example=reference')
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await expect.poll(() => names(page)).toEqual(['user'])
    const notice = page.locator('.notice')
    await expect.poll(() => notice.textContent()).toMatch(/^Removed /)
    expect(await notice.getByRole('button', { name: 'Undo' }).count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })
})
