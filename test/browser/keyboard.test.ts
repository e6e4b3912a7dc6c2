/**
 * The designer with the keyboard alone, and what a screen reader is told: choosing from a list
 * without adding at every arrow press, dialogs that keep and give back the focus, the focus
 * never dropped to the page, live regions for problems. Found by a keyboard and screen-reader
 * review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type Site, newPage, startSite } from './harness'
import { liveGraph, openDesigner, selectNode } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

async function reference() {
  const opened = await newPage(site)
  await openDesigner(site, opened.page, '?example=reference')
  return opened
}

/** A short description of the focused element: its data-field, id, class or tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return (
      el.getAttribute('data-field') ??
      (el.id || el.getAttribute('aria-label') || el.className || el.tagName)
    )
  })
}

describe('keyboard and screen readers', () => {
  it('adds a dependency only on Enter when arrowing through the list, and names a new service by typing', async () => {
    const { page, errors, context } = await reference()
    await page.getByRole('button', { name: 'Add longrun' }).click()
    // The new service's name is focused and selected: typing replaces it.
    await expect.poll(() => focused(page)).toBe('name')
    expect(await page.getByTestId('announcer').textContent()).toMatch(/^Added the longrun /)
    await page.keyboard.type('api')
    await page.keyboard.press('Enter')
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toContain('api')
    const add = page.getByRole('combobox', { name: 'Add to dependencies' })
    await add.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const deps = async () => {
      const s = (await liveGraph(page)).services.api
      return s && s.type !== 'bundle' ? s.dependencies : undefined
    }
    expect(await deps()).toEqual([])
    expect(await page.locator('#f-dependencies-pending').textContent()).toMatch(/^Enter adds /)
    await page.keyboard.press('Enter')
    await expect.poll(deps).toHaveLength(1)
    // A screen reader is told what happened (nothing else on screen says it).
    const told = page.getByTestId('announcer')
    expect(await told.textContent()).toMatch(/ added to dependencies\.$/)
    await page.getByRole('button', { name: /^Undo/ }).click()
    await expect.poll(deps).toHaveLength(0)
    expect(await told.textContent()).toBe('Undone.')
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the focus in Find a service, gives it back on Escape, and opens the field a match is in', async () => {
    const { page, errors, context } = await reference()
    const download = page.getByRole('button', { name: 'Download zip' })
    await download.focus()
    await page.keyboard.press('Control+k')
    await expect.poll(() => focused(page)).toBe('Service name')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Service name')
    await page.keyboard.press('Escape')
    expect(await page.locator('.search-dialog').count()).toBe(0)
    expect(await focused(page)).toBe('Download zip')
    // "puma" is in web's description, not in a name: the hit says where, Enter opens it there.
    await page.keyboard.press('Control+k')
    await page.keyboard.type('puma')
    const hit = page.locator('.search-result').first()
    expect(await hit.locator('.search-name').textContent()).toBe('web')
    expect(await hit.locator('.search-where').textContent()).toMatch(/^description: /)
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('description')
    expect(await page.locator('.inspector-title').textContent()).toBe('web')
    expect(errors).toEqual([])
    await context.close()
  })

  it('never drops the focus to the page: delete, Escape on a node, Show problems, the download dialog', async () => {
    const { page, errors, context } = await reference()
    await page.locator('.react-flow__node[data-id="worker"]').focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(
      'worker',
    )
    await page.keyboard.press('Enter')
    await page.keyboard.press('Delete')
    await expect
      .poll(async () => Object.keys((await liveGraph(page)).services))
      .not.toContain('worker')
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.classList.contains('react-flow__node')),
      )
      .toBe(true)
    // An empty run script is an error: the count is said, and Show problems goes to the list.
    await selectNode(page, 'web')
    await page.locator('[data-field="run"] textarea, textarea[data-field="run"]').first().fill('')
    await expect
      .poll(() => page.locator('.sr-only[role="status"]').first().textContent())
      .toMatch(/^Problems: 1 error/)
    await page.getByRole('button', { name: /Show problems/ }).click()
    await expect.poll(() => focused(page)).toMatch(/^error: web's run script is empty/)
    // The download dialog starts on Cancel and gives the focus back to Download.
    const download = page.getByRole('button', { name: 'Download zip' })
    await download.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: /The design has 1 error/ })
    await dialog.waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await focused(page)).toBe('Download zip')
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the focus on Zoom Out at the lowest zoom, and on Zoom In at the highest', async () => {
    const { page, errors, context } = await reference()
    const zoom = () =>
      page.evaluate(() => {
        const style = document.querySelector<HTMLElement>('.react-flow__viewport')?.style
        return Number(/scale\(([\d.]+)\)/.exec(style?.transform ?? '')?.[1])
      })
    for (const [name, limit] of [
      ['Zoom Out', 0.1],
      ['Zoom In', 2],
    ] as const) {
      const button = page.getByRole('button', { name, exact: true })
      await button.focus()
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Enter')
        await page.waitForTimeout(20)
      }
      await expect.poll(zoom).toBeCloseTo(limit, 5)
      expect(await button.getAttribute('aria-disabled')).toBe('true')
      expect(await focused(page)).toBe(name)
      // One more press at the limit does nothing and keeps the focus there.
      await page.keyboard.press('Enter')
      expect(await focused(page)).toBe(name)
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps a notice while its Undo has the focus', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'worker')
    await page.keyboard.press('Delete')
    const undo = page.getByTestId('notice').getByRole('button', { name: 'Undo' })
    await undo.focus()
    await page.waitForTimeout(6_500)
    expect(await undo.isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toContain('worker')
    await expect.poll(() => focused(page)).not.toBe('body')
    expect(errors).toEqual([])
    await context.close()
  })

  it('starts with skip links to the canvas and to the details panel', async () => {
    const { page, errors, context } = await reference()
    await page.locator('body').focus()
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to the canvas' })
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node')),
    ).toBe(true)
    await page.getByRole('link', { name: 'Skip to the details panel' }).focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab')
    expect(errors).toEqual([])
    await context.close()
  })

  it('tabs from the top bar onto the nodes, with no edge on the way', async () => {
    const { page, errors, context } = await reference()
    const nodes = await page.locator('.react-flow__node').count()
    await page.locator('body').focus()
    const met: string[] = []
    for (let i = 0; i < 60 && met.filter((m) => m === 'node').length < nodes; i++) {
      await page.keyboard.press('Tab')
      met.push(
        await page.evaluate(() => {
          const el = document.activeElement
          return el?.classList.contains('react-flow__node')
            ? 'node'
            : el?.closest('.react-flow__edge')
              ? 'edge'
              : 'other'
        }),
      )
    }
    // React Flow puts every edge before the nodes: each was a tab stop on the way.
    expect(met).not.toContain('edge')
    expect(met.filter((m) => m === 'node')).toHaveLength(nodes)
    expect(errors).toEqual([])
    await context.close()
  })

  it('goes back from a field of the details panel to the node with Escape', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    const name = page.locator('#f-name')
    await name.focus()
    await page.keyboard.type('-x')
    // The first Escape drops the rename typed, the next goes back to the node.
    await page.keyboard.press('Escape')
    expect(await name.inputValue()).toBe('web')
    expect(await focused(page)).toBe('name')
    await page.keyboard.press('Escape')
    const onNode = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)
    await expect.poll(onNode).toBe('web')
    await page.locator('.inspector [data-field="description"]').focus()
    await page.keyboard.press('Escape')
    await expect.poll(onNode).toBe('web')
    expect(Object.keys((await liveGraph(page)).services)).toContain('web')
    expect(errors).toEqual([])
    await context.close()
  })

  it("chooses a script's language with the arrow keys, from one tab stop", async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'worker')
    const group = page.getByRole('radiogroup', { name: 'Run language' })
    const radios = group.getByRole('radio')
    expect(await radios.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).tabIndex))).toEqual([
      0, -1, -1,
    ])
    await group.getByRole('radio', { name: 'sh', exact: true }).focus()
    await page.keyboard.press('ArrowRight')
    const language = async () => {
      const s = (await liveGraph(page)).services.worker
      return s?.type === 'longrun' ? s.run.language : undefined
    }
    await expect.poll(language).toBe('bash')
    expect(await focused(page)).toMatch(/language-bash$/)
    await page.keyboard.press('End')
    await expect.poll(language).toBe('execline')
    expect(await radios.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).tabIndex))).toEqual([
      -1, -1, 0,
    ])
    expect(errors).toEqual([])
    await context.close()
  })

  it('answers an unknown address with a page that leads on', async () => {
    const { page, context } = await newPage(site)
    const response = await page.goto(`${site.url}/docs/no-such-page/`)
    expect(response?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
    for (const href of ['/', '/docs/', '/docs/diagnostics/'])
      expect(await page.locator(`main a[href="${href}"]`).count(), href).toBe(1)
    await context.close()
  })
})
