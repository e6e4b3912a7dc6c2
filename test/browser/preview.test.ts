/**
 * The preview dock against the built site: every panel follows edits made through the UI,
 * rows and canvas nodes highlight each other, and the README renders as a page without HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type Site, newPage, startSite } from './harness'
import { bundle, createGraph, longrun, oneshot } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { dragConnect, liveGraph, node, openDesigner, selectNode, shot } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

/** A page tall enough for the canvas and an open dock side by side. */
async function tallDesigner() {
  const opened = await newPage(site)
  await opened.page.setViewportSize({ width: 1280, height: 1000 })
  await openDesigner(site, opened.page)
  return opened
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click()
  await page.locator('#preview-body').waitFor()
}

/** The index of the timeline group (wave or stop step) that holds the service's row. */
async function groupOf(page: Page, panel: string, service: string): Promise<number> {
  return page.evaluate(
    ([p, s]) => {
      const groups = [...document.querySelectorAll(`${p} .tl-group`)]
      return groups.findIndex((g) => g.querySelector(`.tl-row[data-service="${s}"]`) !== null)
    },
    [panel, service] as const,
  )
}

describe('previews follow edits', () => {
  it('a new dependency moves the dependent a wave later, a step earlier, and shows in the files', async () => {
    const { page, errors, context } = await tallDesigner()

    // Waves: fix-attrs, legacy-cont-init, config-check and redis-ready, the longruns, then
    // legacy-services; stop steps: legacy-services first, then the longruns.
    await openTab(page, 'Start order')
    expect(await groupOf(page, '.pv-start', 'worker')).toBe(3)
    expect(await groupOf(page, '.pv-start', 'web')).toBe(3)
    await openTab(page, 'Shutdown')
    expect(await groupOf(page, '.pv-stop', 'worker')).toBe(1)
    expect(await groupOf(page, '.pv-stop', 'web')).toBe(1)
    await openTab(page, 'Files')
    const marker = '.ft-row[data-path$="/s6-rc.d/worker/dependencies.d/web"]'
    expect(await page.locator(marker).count()).toBe(0)

    // worker needs web: drag from web's right handle to worker's left handle.
    await dragConnect(page, 'web', 'worker')
    await expect
      .poll(async () => (await liveGraph(page)).services.worker)
      .toMatchObject({ dependencies: expect.arrayContaining(['web']) })

    // Files (open during the edit): the new marker file is there and marked as added.
    await page.locator(marker).waitFor()
    expect(await page.locator(marker).getAttribute('class')).toContain('mark-added')
    await expect
      .poll(() => page.getByTestId('last-edit').innerText())
      .toContain('dependencies.d/web')
    await page.locator(`${marker} .ft-button`).click()
    await expect.poll(() => page.locator('.fv-change').innerText()).toBe('new file')
    await expect.poll(() => page.locator('.fv-empty').count()).toBe(1)
    // The README changed too: its new lines are highlighted, with line numbers.
    await page.locator('.ft-row[data-path$="/README.md"] .ft-button').click()
    await expect.poll(() => page.locator('.fv-line.is-inserted').count()).toBeGreaterThan(0)
    expect(await page.locator('.fv-line.is-inserted .fv-code').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('web')]),
    )

    await openTab(page, 'Start order')
    expect(await groupOf(page, '.pv-start', 'worker')).toBe(4)
    expect(await groupOf(page, '.pv-start', 'web')).toBe(3)
    await openTab(page, 'Shutdown')
    expect(await groupOf(page, '.pv-stop', 'worker')).toBe(1)
    expect(await groupOf(page, '.pv-stop', 'web')).toBe(2)
    expect(errors).toEqual([])
    await context.close()
  })

  it('an estimate past timeout-up fails that start, and what needs it never starts', async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Start order')
    const row = (name: string) => page.locator(`.pv-start .tl-row[data-service="${name}"]`)
    expect(await page.getByTestId('start-failures').count()).toBe(0)
    expect(await page.getByTestId('start-summary').innerText()).toMatch(/is done after/)

    // redis-ready's timeout-up is 30 s; say it needs 40 s.
    await selectNode(page, 'redis-ready')
    await page.locator('#f-estimatedUpMs').fill('40000')
    await expect
      .poll(async () => (await liveGraph(page)).services['redis-ready'])
      .toMatchObject({ estimatedUpMs: 40000 })

    await expect.poll(() => row('redis-ready').getAttribute('class')).toContain('is-failed')
    expect(await row('redis-ready').locator('.tl-note').innerText()).toBe(
      'fails at 30 s · needs ~40 s',
    )
    expect(await row('redis-ready').locator('.tl-seg-failed').count()).toBe(1)
    expect(await row('redis-ready').locator('.tl-seg-overrun').count()).toBe(1)
    // The longruns need redis-ready (and legacy-services needs user); config-check does not.
    for (const name of ['web', 'worker', 'scheduler', 'legacy-services']) {
      expect(await row(name).getAttribute('class')).toContain('is-blocked')
      expect(await row(name).locator('.tl-note').innerText()).toBe('not started: redis-ready fails')
    }
    expect(await row('config-check').getAttribute('class')).not.toMatch(/is-blocked|is-failed/)
    // The tooltip names what it needs directly: legacy-services needs the longruns.
    expect(await row('legacy-services').locator('.tl-seg-blocked').getAttribute('title')).toMatch(
      /^never started: it needs (scheduler|web|worker), which never starts \(redis-ready's start fails\)$/,
    )
    // The wave strip above marks them too.
    const chip = (name: string) => page.locator('.pv-start .wave-chip', { hasText: name })
    expect(await chip('redis-ready').getAttribute('class')).toContain('is-failed')
    expect(await chip('web').getAttribute('class')).toContain('is-blocked')
    const failures = await page.getByTestId('start-failures').innerText()
    expect(failures).toMatch(
      /redis-ready is estimated to need 40 s, but s6-rc stops waiting after its start timeout \(timeout-up\) of 30 s: the start fails, and its script is sent SIGTERM\./,
    )
    // Only the design's own: legacy-services is s6-overlay's.
    expect(failures).toMatch(/So these never start: scheduler, web and worker\./)
    // The reference example sets S6_BEHAVIOUR_IF_STAGE2_FAILS=2.
    expect(failures).toMatch(/The container then stops \(S6_BEHAVIOUR_IF_STAGE2_FAILS is 2\)/)
    const summary = await page.getByTestId('start-summary').innerText()
    expect(summary).toMatch(/in 5 waves · s6-rc is done, with a failure, after 30 s$/)
    expect(summary).not.toMatch(/all ready/)
    await page.locator('.react-flow__controls-fitview').click()
    await page.mouse.move(1270, 990)
    await shot(page, 'preview-start-fails')

    // Undo: the estimate is back, and so is the plain start.
    await page.keyboard.press('Escape')
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('start-failures').count()).toBe(0)
    expect(await row('web').getAttribute('class')).not.toContain('is-blocked')
    expect(errors).toEqual([])
    await context.close()
  })

  it("draws the boot's own limit and says when it ends the start first", async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Start order')
    expect(await page.locator('.pv-start .tl-line').count()).toBe(0)
    // A time limit shows as a dotted line, but not on a longrun without readiness: s6-rc
    // counts it up once spawned, so its limit never decides.
    const limitLine = (name: string) =>
      page.locator(`.pv-start .tl-row[data-service="${name}"] .tl-seg-timeout`)
    expect(await limitLine('config-check').count()).toBe(1)
    await selectNode(page, 'web')
    await page.locator('#f-timeoutUp').fill('1')
    await expect
      .poll(() => page.locator('.pv-start .tl-row[data-service="web"] .tl-note').innerText())
      .toMatch(/limit 1 s/)
    expect(await limitLine('web').count()).toBe(0)
    // redis-ready fails at its 30 s timeout; a 10 s boot limit ends the start before that.
    await selectNode(page, 'redis-ready')
    await page.locator('#f-estimatedUpMs').fill('40000')
    await page.getByRole('tab', { name: 'Project', exact: true }).click()
    const maxtime = page.locator('#f-s6-S6_CMD_WAIT_FOR_SERVICES_MAXTIME')
    if (!(await maxtime.isVisible())) await page.getByText('s6-overlay settings').click()
    await maxtime.fill('10000')
    await expect
      .poll(async () => (await liveGraph(page)).project.s6Env)
      .toMatchObject({ S6_CMD_WAIT_FOR_SERVICES_MAXTIME: '10000' })

    const over = page.getByTestId('start-over-limit')
    await expect
      .poll(() => over.innerText())
      .toMatch(
        /^S6_CMD_WAIT_FOR_SERVICES_MAXTIME ends the boot after 10 s, before this start is done \(30\.2 s\)/,
      )
    expect(await page.locator('.pv-start .tl-line-label').innerText()).toBe('boot limit 10 s')
    expect(await page.locator('.pv-start .tl-line').getAttribute('class')).toContain('tone-danger')
    // Raising the start timeout would not help: the note says so instead.
    expect(await page.getByTestId('start-failures').innerText()).toMatch(
      /The boot limit below ends the start even sooner\.$/,
    )
    // A limit the start fits in is drawn, muted, with no warning.
    await maxtime.fill('60000')
    await expect.poll(() => over.count()).toBe(0)
    expect(await page.locator('.pv-start .tl-line').getAttribute('class')).toContain('tone-muted')
    expect(await page.getByTestId('start-failures').innerText()).toMatch(
      /If the estimate is right, raise the start timeout\.$/,
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('an edit made on another tab is still marked when Files opens', async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Start order')
    await dragConnect(page, 'scheduler', 'worker')
    await expect
      .poll(async () => (await liveGraph(page)).services.worker)
      .toMatchObject({ dependencies: expect.arrayContaining(['scheduler']) })
    await openTab(page, 'Files')
    const marker = page.locator('.ft-row[data-path$="/worker/dependencies.d/scheduler"]')
    await marker.waitFor()
    expect(await marker.getAttribute('class')).toContain('mark-added')
    expect(errors).toEqual([])
    await context.close()
  })

  it('the process tree gains a supervisor and a process when a longrun is added', async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Process tree')
    const supervisors = page.locator('.ps-row.ps-supervise')
    expect(await supervisors.count()).toBe(3)
    expect(await page.getByTestId('ps-summary').innerText()).toContain('14 processes')
    await page.getByRole('button', { name: 'Add longrun', exact: true }).click()
    await expect.poll(() => supervisors.count()).toBe(4)
    expect(await supervisors.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('s6-supervise longrun')]),
    )
    expect(await page.getByTestId('ps-summary').innerText()).toContain('4 supervised services')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('previews and canvas highlight each other', () => {
  it('hovering a step highlights its node; clicking a row selects it; a canvas selection marks rows', async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Start order')
    await page.locator('.pv-start .tl-row[data-service="config-check"] .tl-name').hover()
    await expect
      .poll(() => node(page, 'config-check').locator('.node').getAttribute('class'))
      .toContain('is-highlighted')
    await page.mouse.move(1200, 980)
    await expect
      .poll(() => node(page, 'config-check').locator('.node').getAttribute('class'))
      .not.toContain('is-highlighted')

    await openTab(page, 'Process tree')
    await page.locator('.ps-row.ps-process[data-service="web"] .ps-main').click()
    await expect
      .poll(() => page.evaluate(() => window.__s6d!.store.getState().selection.services))
      .toEqual(['web'])
    await page.waitForSelector('.inspector[data-service="web"]')

    await selectNode(page, 'worker')
    await expect
      .poll(() =>
        page
          .locator('.ps-row.is-selected')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-service'))),
      )
      .toEqual(['worker', 'worker'])

    // Selecting a service opens its folder in Files and shows its run script.
    await openTab(page, 'Files')
    await expect
      .poll(() => page.locator('.fv').getAttribute('data-path'))
      .toMatch(/\/s6-rc\.d\/worker\/run$/)
    expect(await page.getByTestId('file-mode').innerText()).toContain('0755')
    expect(errors).toEqual([])
    await context.close()
  })

  it('selecting a service with Files open scrolls the file list, never the page', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await openTab(page, 'Files')
    await selectNode(page, 'worker')
    await expect
      .poll(() => page.locator('.fv').getAttribute('data-path'))
      .toMatch(/\/s6-rc\.d\/worker\/run$/)
    // The row is brought into sight inside the list…
    const row = await page.locator('.ft .ft-row.is-selected').boundingBox()
    const list = await page.locator('.ft').evaluate((el) => {
      const r = el.parentElement!.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom }
    })
    expect(row && row.y >= list.top && row.y + row.height <= list.bottom).toBe(true)
    // …and the page itself stays where it was: the top bar in sight.
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0)
    expect((await page.locator('.topbar').boundingBox())?.y).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('copying a file from the viewer with the mouse gives its text, nothing hidden', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await openTab(page, 'Files')
    await page.locator('.ft-row[data-path$="/Dockerfile"]').click()
    await expect.poll(() => page.locator('.fv').getAttribute('data-path')).toMatch(/Dockerfile$/)
    const copied = await page
      .locator('.fv-line')
      .first()
      .evaluate((first) => {
        const lines = first.parentElement!
        const range = document.createRange()
        range.selectNodeContents(lines)
        const selection = getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return selection.toString()
      })
    expect(copied).toContain('FROM ')
    expect(copied).not.toMatch(/[\u200b\u00a0]/)
    // Blank lines are still there, and still take a line's height on screen.
    expect(copied).toMatch(/\n[ \t]*\n/)
    const heights = await page
      .locator('.fv-line')
      .evaluateAll((lines) => [
        ...new Set(lines.map((l) => Math.round(l.getBoundingClientRect().height))),
      ])
    expect(heights).toHaveLength(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('choosing what to bring up shows what it pulls in', async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Start order')
    await page.getByRole('combobox', { name: 'What to bring up' }).selectOption('web')
    const pulls = await page.getByTestId('pulls-in').innerText()
    expect(pulls).toContain('config-check')
    expect(pulls).toContain('redis-ready')
    expect(pulls).not.toContain('worker')
    expect(await page.locator('.pv-start .tl-row[data-service="worker"]').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('preview dock', () => {
  it('resizes from its top edge with the keyboard and keeps the height', async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Process tree')
    const body = page.locator('#preview-body')
    const before = (await body.boundingBox())!.height
    const edge = page.getByRole('separator', { name: 'Resize the previews' })
    await edge.focus()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Shift+ArrowUp')
    await expect.poll(async () => (await body.boundingBox())!.height).toBe(before + 100)
    expect(await page.evaluate(() => localStorage.getItem('s6d-preview-height'))).toBe(
      String(before + 100),
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('moves between tabs with the arrow keys, Home and End, as one tab stop', async () => {
    const { page, errors, context } = await tallDesigner()
    await openTab(page, 'Process tree')
    const tablist = page.getByRole('tablist', { name: 'Preview' })
    const tabs = tablist.getByRole('tab')
    const names = await tabs.allTextContents()
    // Only tabs inside the tablist; one of them reachable with Tab.
    expect(await tablist.locator(':scope > :not([role="tab"])').count()).toBe(0)
    expect(await tablist.locator('[role="tab"][tabindex="0"]').count()).toBe(1)
    const selected = () => tablist.locator('[aria-selected="true"]').textContent()
    const focused = () => page.evaluate(() => document.activeElement?.textContent)
    await tabs.filter({ hasText: 'Process tree' }).focus()
    const at = names.indexOf('Process tree')
    await page.keyboard.press('ArrowRight')
    expect(await selected()).toBe(names[(at + 1) % names.length])
    expect(await focused()).toBe(names[(at + 1) % names.length])
    await page.keyboard.press('End')
    expect(await selected()).toBe(names[names.length - 1])
    await page.keyboard.press('ArrowRight')
    expect(await selected()).toBe(names[0])
    await page.keyboard.press('ArrowLeft')
    expect(await selected()).toBe(names[names.length - 1])
    await page.keyboard.press('Home')
    expect(await focused()).toBe(names[0])
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('docs preview', () => {
  it('renders the README as a page and never user text as HTML', async () => {
    const { page, errors, context } = await tallDesigner()
    await page.evaluate(() => {
      const store = window.__s6d!.store
      const web = store.getState().graph.services.web!
      store.getState().updateService('web', {
        ...web,
        description:
          'Serves <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>',
      })
    })
    await openTab(page, 'README')
    const doc = page.getByTestId('docs-page')
    await doc.locator('h2', { hasText: 'onetimesecret: s6-overlay setup' }).waitFor()
    expect(await doc.locator('table').count()).toBeGreaterThanOrEqual(3)
    expect(await doc.locator('pre').count()).toBeGreaterThan(3)
    expect(await doc.locator('img, script').count()).toBe(0)
    expect(await doc.innerText()).toContain('<img src=x onerror="window.__pwned=1">')
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    // Links: http(s) open in a new tab; in-page ones scroll without touching the URL.
    for (const a of await doc.locator('a').all()) {
      const href = (await a.getAttribute('href')) ?? ''
      expect(href).toMatch(/^(https?:\/\/|#)/)
      if (href.startsWith('http')) expect(await a.getAttribute('target')).toBe('_blank')
    }
    const before = page.url()
    await page.locator('.docs-outline a', { hasText: 'Graceful shutdown' }).click()
    expect(page.url()).toBe(before)
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the whole of a wave too wide for its chips on "+N more"', async () => {
    const { page, errors, context } = await newPage(site)
    const base = createGraph({ name: 'wide' })
    const workers = Array.from({ length: 12 }, (_, i) => `worker-${String(i).padStart(2, '0')}`)
    const services: ServiceGraph['services'] = { ...base.services, prep: oneshot() }
    for (const w of workers) services[w] = longrun({ dependencies: ['prep'] })
    services.user = bundle({ contents: workers })
    const saved = JSON.stringify({ v: 1, graph: { ...base, services } })
    await context.addInitScript((raw: string) => localStorage.setItem('s6d-autosave', raw), saved)
    await openDesigner(site, page)
    await openTab(page, 'Start order')
    const more = page.getByRole('button', { name: /^\+\d+ more$/ })
    await more.waitFor()
    const chips = page.locator('.waves .wave-chip', { hasText: /^worker-/ })
    expect(await chips.count()).toBeLessThan(12)
    await more.click()
    await expect.poll(() => chips.count()).toBe(12)
    const fewer = page.getByRole('button', { name: 'Show fewer' })
    expect(await fewer.getAttribute('aria-expanded')).toBe('true')
    await fewer.click()
    await expect.poll(() => chips.count()).toBeLessThan(12)
    expect(errors).toEqual([])
    await context.close()
  })
})
