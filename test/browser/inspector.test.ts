/**
 * The inspector in a real browser: what its lists offer, where the keyboard focus goes, and
 * which tab a click on a node shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type Site, newPage, startSite } from './harness'
import { liveGraph, node, openDesigner, selectNode } from './editor-helpers'

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

async function deps(page: Page, name: string): Promise<string[] | undefined> {
  const s = (await liveGraph(page)).services[name]
  return s && s.type !== 'bundle' ? s.dependencies : undefined
}

/** The `data-field` (or id) of the focused element. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement
    return el?.getAttribute('data-field') ?? el?.id ?? null
  })
}

describe('inspector', () => {
  it("the inspector's dependency list offers what would make a cycle only disabled, saying why", async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    const add = page.getByRole('combobox', { name: 'Add to dependencies' })
    // user holds web, and s6-overlay's top holds user: either would need web and web it.
    for (const name of ['user', 'top']) {
      const option = add.locator(`option[value="${name}"]`)
      expect(await option.isDisabled()).toBe(true)
      expect(await option.textContent()).toMatch(/would make a cycle/)
    }
    expect(await add.locator('option[value="worker"]').isDisabled()).toBe(false)
    await add.selectOption('worker')
    await expect.poll(() => deps(page, 'web')).toEqual(['redis-ready', 'config-check', 'worker'])
    // And now worker may not need web.
    await selectNode(page, 'worker')
    expect(await add.locator('option[value="web"]').isDisabled()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the keyboard focus through a rename: Enter stays in the name, Tab moves on', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    const name = page.locator('#f-name')
    await name.fill('api')
    await name.press('Enter')
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toContain('api')
    await expect.poll(() => focused(page)).toBe('name')
    expect(await page.locator('#f-name').inputValue()).toBe('api')
    await page.locator('#f-name').fill('front')
    await page.keyboard.press('Tab')
    await expect.poll(async () => Object.keys((await liveGraph(page)).services)).toContain('front')
    await expect.poll(() => focused(page)).toBe('description')
    expect(errors).toEqual([])
    await context.close()
  })

  it('checks a time again when its unit changes, and keeps it once it fits', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    const timeout = page.locator('#f-timeoutUp')
    await timeout.fill('5000000')
    await expect.poll(() => timeout.getAttribute('aria-invalid')).toBe('true')
    await page.getByRole('combobox', { name: 'Start timeout unit' }).selectOption('ms')
    await expect.poll(() => timeout.getAttribute('aria-invalid')).toBe('false')
    await expect
      .poll(async () => {
        const web = (await liveGraph(page)).services.web
        return web?.type === 'longrun' ? web.timeoutUp : undefined
      })
      .toBe(5_000_000)
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the inspector when a node is clicked or added while another tab is open', async () => {
    const { page, errors, context } = await reference()
    await page.getByRole('tab', { name: 'Project' }).click()
    await node(page, 'worker').click()
    await expect.poll(() => page.locator('#f-name').inputValue()).toBe('worker')
    await page.getByRole('tab', { name: /Problems/ }).click()
    await page.getByRole('button', { name: 'Add oneshot', exact: true }).click()
    await expect.poll(() => page.locator('#f-name').inputValue()).toMatch(/^oneshot/)
    expect(errors).toEqual([])
    await context.close()
  })
  it('says once, as a warning, that a shell cannot read a variable named 1BAD', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    await page.locator('#f-env-add').click()
    const row = page.locator('.env-row').last()
    await row.getByRole('textbox', { name: /name$/ }).fill('1BAD')
    await expect
      .poll(() => row.locator('.field-problem').allTextContents())
      .toEqual([expect.stringMatching(/1BAD.*a shell cannot read/)])
    expect(await row.locator('.field-problem.is-warning').count()).toBe(1)
    expect(await row.getAttribute('class')).not.toMatch(/has-error/)
    expect(errors).toEqual([])
    await context.close()
  })

  it('says how to leave a script with the keyboard, and Esc then Tab does', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    const run = page.locator('#f-run')
    await run.focus()
    const keys = page.locator('.code-area:focus-within + .code-keys')
    expect(await keys.isVisible()).toBe(true)
    expect(await keys.textContent()).toMatch(/Esc.*then.*Tab/)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-run')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('f-run')
    expect(errors).toEqual([])
    await context.close()
  })
  it('offers each down signal once, without SIGSTOP, which pauses instead of stopping', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    const options = await page.locator('#f-downSignal option').allTextContents()
    expect(options[0]).toBe('SIGTERM (default)')
    expect(options.filter((o) => o.startsWith('SIGTERM'))).toHaveLength(1)
    expect(new Set(options).size).toBe(options.length)
    expect(options).not.toContain('SIGSTOP')
    expect(errors).toEqual([])
    await context.close()
  })

  it('says why a bad name was not applied when the field is left', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    await page.locator('#f-name').fill('bad name')
    await node(page, 'worker').click()
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/web was not renamed/)
    expect(Object.keys((await liveGraph(page)).services)).toContain('web')
    expect(errors).toEqual([])
    await context.close()
  })

  it('says why the user bundle stays when Delete is pressed on it', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'user')
    await node(page, 'user').focus()
    await page.keyboard.press('Delete')
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/user cannot be deleted/)
    expect(Object.keys((await liveGraph(page)).services)).toContain('user')
    expect(errors).toEqual([])
    await context.close()
  })

  it('ends a long name on its node with an ellipsis, the whole name in its tooltip', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    const long = 'a-really-long-service-name-that-goes-well-past-the-node-edge'
    await page.locator('#f-name').fill(long)
    await page.locator('#f-name').press('Enter')
    const text = node(page, long).locator('.node-name-text')
    await text.waitFor()
    const fit = await text.evaluate((el) => ({
      ellipsis: getComputedStyle(el).textOverflow,
      clipped: el.scrollWidth > el.clientWidth,
      inside:
        el.getBoundingClientRect().right <= el.closest('.node')!.getBoundingClientRect().right,
    }))
    expect(fit).toEqual({ ellipsis: 'ellipsis', clipped: true, inside: true })
    expect(await node(page, long).locator('.node').getAttribute('title')).toContain(long)
    expect(errors).toEqual([])
    await context.close()
  })
  it('marks a base image the Dockerfile cannot take as an error while it is typed', async () => {
    const { page, errors, context } = await reference()
    await page.getByRole('tab', { name: 'Project' }).click()
    await page.locator('#f-p-baseImage').fill('my company/ruby image')
    const field = page.locator('.field', { has: page.locator('#f-p-baseImage') })
    await expect
      .poll(() => field.locator('.field-problem.is-error').textContent())
      .toMatch(/not an image reference/)
    await expect.poll(() => page.locator('.problem-counter').textContent()).toMatch(/1/)
    expect(errors).toEqual([])
    await context.close()
  })

  it("shows a service's relations: what needs it, what stops and starts with it, each a way to it", async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'redis-ready')
    const section = page.locator('details.section', { hasText: 'Relations' })
    await expect
      .poll(() => section.locator('.section-summary').textContent())
      .toBe('stops 3 · starts 2')
    await section.locator('summary').click()
    const chips = (list: string) =>
      page.getByRole('list', { name: list }).locator('.chip-name').allTextContents()
    expect(await chips('Needed by')).toEqual(['scheduler', 'web', 'worker'])
    expect(await chips('Stopping it also stops')).toEqual(['scheduler', 'web', 'worker'])
    expect(await chips('Starting it first starts')).toEqual(['fix-attrs', 'legacy-cont-init'])
    const worker = page
      .getByRole('list', { name: 'Needed by' })
      .getByRole('button', { name: 'worker' })
    await worker.hover()
    await expect
      .poll(() => node(page, 'worker').locator('.node').getAttribute('class'))
      .toContain('is-highlighted')
    await worker.click()
    await expect.poll(() => page.locator('.inspector-title').textContent()).toBe('worker')
    expect(errors).toEqual([])
    await context.close()
  })

  it('resizes the side panel by its edge, with the mouse or the keyboard, and keeps the width', async () => {
    const { page, errors, context } = await reference()
    const width = () => page.locator('.side-panel').evaluate((e) => e.getBoundingClientRect().width)
    const before = await width()
    const edge = page.getByRole('separator', { name: 'Resize the side panel' })
    const box = (await edge.boundingBox())!
    await page.mouse.move(box.x + 4, box.y + 200)
    await page.mouse.down()
    await page.mouse.move(box.x - 116, box.y + 200, { steps: 4 })
    await page.mouse.up()
    expect(await width()).toBe(before + 120)
    await edge.focus()
    await page.keyboard.press('ArrowRight')
    expect(await width()).toBe(before + 100)
    expect(await edge.getAttribute('aria-valuenow')).toBe(String(before + 100))
    await page.reload()
    await page.locator('.react-flow__node').first().waitFor()
    expect(await width()).toBe(before + 100)
    await page.getByRole('separator', { name: 'Resize the side panel' }).dblclick()
    expect(await width()).toBe(before)
    expect(errors).toEqual([])
    await context.close()
  })

  it('tabs onto a switch without scrolling the page away', async () => {
    const { page, errors, context } = await reference()
    await selectNode(page, 'web')
    await page.getByRole('combobox', { name: 'Add to dependencies' }).focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('switch')
    const scrolled = await page.evaluate(() => ({
      window: window.scrollY,
      page: document.scrollingElement?.scrollTop ?? 0,
    }))
    expect(scrolled).toEqual({ window: 0, page: 0 })
    expect(await page.locator('.topbar').boundingBox()).toMatchObject({ y: 0 })
    expect(errors).toEqual([])
    await context.close()
  })

  it('duplicates and deletes the shown service from its header, and Ctrl+D duplicates the selection', async () => {
    const { page, errors, context } = await reference()
    const names = async () => Object.keys((await liveGraph(page)).services).sort()
    await selectNode(page, 'worker')
    await page.getByRole('button', { name: 'Duplicate worker' }).click()
    await expect.poll(names).toContain('worker-2')
    // The copy is shown, its name focused for typing.
    await expect.poll(() => page.locator('.inspector-title').textContent()).toBe('worker-2')
    expect(await focused(page)).toBe('name')
    await page.getByRole('button', { name: 'Delete worker-2' }).click()
    await expect.poll(names).not.toContain('worker-2')
    expect(await page.getByTestId('notice').textContent()).toMatch(/Removed worker-2/)
    await selectNode(page, 'scheduler')
    await page.locator('.react-flow__node[data-id="scheduler"]').focus()
    await page.keyboard.press('Control+d')
    await expect.poll(names).toContain('scheduler-2')
    // user is one of a kind: neither button applies to it.
    await selectNode(page, 'user')
    expect(await page.getByRole('button', { name: 'Duplicate user' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Delete user' }).isDisabled()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
