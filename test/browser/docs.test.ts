/**
 * The docs site in Debian's Chromium against the static export: search, the live order
 * simulator, "Open in designer", the diagnostics pages, and screenshots on desktop and phone.
 */
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeShareLink } from '@/lib/share/codec'
import { newPage, SCREENSHOTS, startSite, type Site } from './harness'

let site: Site

beforeAll(async () => {
  site = await startSite()
})

afterAll(async () => {
  await site?.close()
})

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SCREENSHOTS, `docs-${name}.png`), fullPage })

async function phonePage(
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme,
  })
  return { context, page: await context.newPage() }
}

/** The services of each start wave as the simulator lists them. */
async function waves(page: Page, testId: 'start-waves' | 'stop-order'): Promise<string[][]> {
  return page
    .locator(`[data-testid="${testId}"] > li`)
    .evaluateAll((items) =>
      items.map((li) => [...li.querySelectorAll('.order-chip')].map((c) => c.textContent ?? '')),
    )
}

describe('docs search', () => {
  it('finds a page by a word that only appears in its body, and opens it', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/`)
    const box = page.getByRole('combobox', { name: 'Search the docs' })
    await box.focus()
    await box.pressSequentially('notifyoncheck')
    const results = page.getByTestId('search-results')
    await expect
      .poll(() => results.locator('.search-hit-title').allTextContents())
      .toContain('Readiness›Ready checks')
    await shot(page, 'search-desktop')
    await box.press('Enter')
    await page.waitForURL(/\/docs\/readiness\/#/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Readiness')
    expect(errors).toEqual([])
    await context.close()
  })

  it('finds an S6_* setting by name and lands on its row of the settings table', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/`)
    const box = page.getByRole('combobox', { name: 'Search the docs' })
    await box.focus()
    await box.pressSequentially('S6_READ_ONLY_ROOT')
    const results = page.getByTestId('search-results')
    await expect
      .poll(() => results.locator('.search-hit-title').first().textContent())
      .toBe('Environment variables›S6_READ_ONLY_ROOT')
    await box.press('Enter')
    await page.waitForURL(/\/docs\/environment-variables\/#S6_READ_ONLY_ROOT$/)
    const row = page.locator('tr#S6_READ_ONLY_ROOT')
    await expect.poll(() => row.evaluate((tr) => tr.matches(':target'))).toBe(true)
    const box2 = await row.boundingBox()
    const viewport = page.viewportSize()
    expect(box2 && viewport && box2.y > 0 && box2.y < viewport.height).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('forgives a typo, and says what it searched instead', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/`)
    const box = page.getByRole('combobox', { name: 'Search the docs' })
    await box.focus()
    await box.pressSequentially('notifcation fd')
    const results = page.getByTestId('search-results')
    await expect.poll(() => results.locator('.search-hit').count()).toBeGreaterThan(0)
    expect(await page.locator('.search-empty').textContent()).toBe(
      'Nothing matches “notifcation fd”; showing results for “notification fd”.',
    )
    expect(await results.locator('mark').first().textContent()).toMatch(/notification|fd/i)
    expect(errors).toEqual([])
    await context.close()
  })

  it('works on a phone too', async () => {
    const { context, page } = await phonePage()
    await page.goto(`${site.url}/docs/getting-started/`)
    const box = page.getByRole('combobox', { name: 'Search the docs' })
    await box.tap()
    await box.pressSequentially('s6-svstat')
    await expect
      .poll(() => page.getByTestId('search-results').locator('.search-hit').count())
      .toBeGreaterThan(2)
    await shot(page, 'search-phone')
    const panel = await page.getByTestId('search-results').boundingBox()
    expect(panel && panel.x >= 0 && panel.x + panel.width <= 390).toBe(true)
    await context.close()
  })
})

describe('order simulator', () => {
  it('moves web to an earlier wave when its dependencies are switched off, and drops a service from both orders', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/start-and-stop-order/`)
    const sim = page.getByTestId('order-simulator')
    await sim.waitFor()
    const startBefore = await waves(page, 'start-waves')
    const stopBefore = await waves(page, 'stop-order')
    const waveOfWeb = (w: string[][]) => w.findIndex((names) => names.includes('web'))
    expect(waveOfWeb(startBefore)).toBeGreaterThan(0)

    await sim.locator('[data-edge-toggle="web->config-check"]').uncheck()
    await sim.locator('[data-edge-toggle="web->redis-ready"]').uncheck()
    const startAfter = await waves(page, 'start-waves')
    expect(waveOfWeb(startAfter)).toBeLessThan(waveOfWeb(startBefore))
    expect(await sim.locator('.order-chip-moved').allTextContents()).toContain('web')
    await sim.scrollIntoViewIfNeeded()
    await shot(page, 'simulator-desktop')

    await sim.getByRole('button', { name: 'Reset' }).click()
    expect(await waves(page, 'start-waves')).toEqual(startBefore)
    await sim.locator('[data-service-toggle="config-check"]').uncheck()
    const stopAfter = await waves(page, 'stop-order')
    expect(stopAfter).not.toEqual(stopBefore)
    expect(stopAfter.flat()).not.toContain('config-check')
    expect((await waves(page, 'start-waves')).flat()).not.toContain('config-check')
    // Its designer link carries the design as simulated: config-check left out.
    const link = sim.getByRole('link', { name: /Open in designer/ })
    await expect
      .poll(async () => {
        const decoded = await decodeShareLink((await link.getAttribute('href')) ?? '')
        return decoded.ok ? Object.keys(decoded.graph.services).sort() : []
      })
      .toEqual(['redis-ready', 'scheduler', 'user', 'web', 'worker'])
    expect(errors).toEqual([])
    await context.close()
  })

  it('fits a phone screen', async () => {
    const { context, page } = await phonePage()
    await page.goto(`${site.url}/docs/start-and-stop-order/`)
    const sim = page.getByTestId('order-simulator')
    await sim.waitFor()
    await sim.locator('[data-service-toggle="config-check"]').uncheck()
    await sim.scrollIntoViewIfNeeded()
    await shot(page, 'simulator-phone')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await context.close()
  })
})

describe('open in designer', () => {
  it('opens the designer with the example the preview shows', async () => {
    const { context, page } = await newPage(site)
    await page.goto(`${site.url}/docs/`)
    const link = page
      .locator('.graph-preview[data-example="reference"]')
      .getByRole('link', { name: /Open in designer/ })
    await link.click()
    await page.waitForURL(
      (url) => url.pathname === '/' && url.searchParams.get('example') === 'reference',
    )
    // The designer renders the example's services as canvas nodes once it has loaded.
    const node = page.locator('.react-flow__node').filter({ hasText: 'config-check' })
    await node.first().waitFor({ timeout: 20_000 })
    expect(await node.count()).toBeGreaterThan(0)
    await context.close()
  })
})

describe('diagnostics pages', () => {
  it('lists codes by severity and opens a code page from the index', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/diagnostics/`)
    await expect.poll(() => page.locator('h2#error').count()).toBe(1)
    const first = page.locator('.diag-list a.diag-item').first()
    const code = (await first.locator('.diag-badge').textContent()) ?? ''
    const title = (await first.locator('.diag-item-title').textContent()) ?? ''
    expect(code).toMatch(/^[a-z0-9-]+$/)
    await first.click()
    await page.waitForURL(new RegExp(`/docs/diagnostics/${code}/$`))
    await expect.poll(() => page.locator('h1').textContent()).toBe(title)
    expect(await page.locator('#how-to-fix-it + p').textContent()).not.toBe('')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('diagnostic page links', () => {
  it('ends each code page with a link to the guide section it belongs to', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/diagnostics/no-base-dependency/`)
    const link = page.getByTestId('learn-more')
    expect(await link.textContent()).toBe('Dependencies and bundles › Depending on base')
    await link.click()
    await page.waitForURL(/\/docs\/dependencies-and-bundles\/#depending-on-base$/)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dependencies and bundles')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('content pages', () => {
  it('renders highlighted code with a working copy button, a table of contents and previous/next links', async () => {
    const { context, page, errors } = await newPage(site, {
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await page.goto(`${site.url}/docs/getting-started/`)
    const build = page.locator('.code-block', { hasText: 'docker build -f docker/s6/Dockerfile' })
    await build.getByRole('button', { name: 'Copy code' }).click()
    await expect.poll(() => build.locator('.copy-button').getAttribute('data-state')).toBe('copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'docker build -f docker/s6/Dockerfile --target final-s6 -t starter:s6 .',
    )
    expect(
      await page.locator('.code-block pre.shiki span[style*="--shiki-light"]').count(),
    ).toBeGreaterThan(10)
    // A console session copies as its command, without the prompt and the output.
    await page.goto(`${site.url}/docs/cli/`)
    const session = page.locator('.code-block[data-language="console"]').first()
    await session.getByRole('button', { name: 'Copy code' }).click()
    await expect
      .poll(() => session.locator('.copy-button').getAttribute('data-state'))
      .toBe('copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'npm run --silent cli -- lint /tmp/bad',
    )
    await page.goto(`${site.url}/docs/getting-started/`)
    expect(await page.locator('.toc a[href="#5-build"]').count()).toBe(1)
    expect(await page.locator('.pager-next').getAttribute('href')).toBe('/docs/service-types/')
    await page.locator('.graph-preview svg').first().waitFor()
    await shot(page, 'page-light')
    const explorer = page.getByTestId('file-explorer')
    await explorer.scrollIntoViewIfNeeded()
    const contents = explorer.getByTestId('file-contents')
    await expect.poll(() => contents.textContent()).toContain('#!/command/with-contenv sh')
    await explorer.getByRole('button', { name: 'web/' }).click()
    await explorer.locator('[data-path$="/s6-rc.d/web/run"]').click()
    await expect.poll(() => contents.textContent()).toContain('http.server')
    await shot(page, 'file-explorer-desktop')
    expect(errors).toEqual([])
    await context.close()
  })

  it('follows the dark theme and the sidebar menu on a phone', async () => {
    const { context, page, errors } = await newPage(site, { colorScheme: 'dark' })
    await page.goto(`${site.url}/docs/readiness/`)
    const bg = await page.evaluate(
      () => getComputedStyle(document.querySelector('.docs')!).backgroundColor,
    )
    expect(bg).not.toBe('rgb(255, 255, 255)')
    await shot(page, 'page-dark')
    expect(errors).toEqual([])
    await context.close()

    const phone = await phonePage('dark')
    await phone.page.goto(`${site.url}/docs/readiness/`)
    await shot(phone.page, 'page-dark-phone')
    await phone.context.close()

    const light = await phonePage()
    await light.page.goto(`${site.url}/docs/getting-started/`)
    await shot(light.page, 'page-light-phone')
    const sidebar = light.page.locator('#docs-sidebar')
    // Closed, the menu is off screen and hidden (out of the tab order).
    expect(await sidebar.isVisible()).toBe(false)
    expect(await sidebar.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(0)
    await light.page.getByRole('button', { name: 'Menu' }).tap()
    await expect.poll(() => sidebar.evaluate((el) => el.getBoundingClientRect().left)).toBe(0)
    await shot(light.page, 'menu-phone')
    await sidebar.getByRole('link', { name: 'Readiness' }).tap()
    await light.page.waitForURL(/\/docs\/readiness\/$/)
    await expect
      .poll(() => sidebar.evaluate((el) => el.getBoundingClientRect().right))
      .toBeLessThanOrEqual(0)
    await light.context.close()
  })
})

describe('docs layout', () => {
  it('shows reference tables as cards on a phone, each value under its column name', async () => {
    const { context, page } = await phonePage()
    await page.goto(`${site.url}/docs/field-reference/`)
    const table = page.locator('table.stack-narrow').first()
    await table.waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await page.locator('.table-scroll.is-scrollable:has(table.stack-narrow)').count()).toBe(
      0,
    )
    const cell = table.locator('td[data-label="Default"]').first()
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Default"')
    const box = await table.locator('td[data-label^="What it does"]').first().boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
    await shot(page, 'field-reference-phone')
    await context.close()
  })

  it('offers "On this page" under the title on a phone, and keeps it out of the way on a desktop', async () => {
    const { context, page } = await phonePage()
    await page.goto(`${site.url}/docs/start-and-stop-order/`)
    const toc = page.locator('details.toc-inline')
    await toc.locator('summary').click()
    await toc.getByRole('link', { name: 'How services stop' }).click()
    await page.waitForURL(/#how-services-stop$/)
    await context.close()
    const { context: deskContext, page: desk } = await newPage(site)
    await desk.setViewportSize({ width: 1366, height: 900 })
    await desk.goto(`${site.url}/docs/start-and-stop-order/`)
    expect(await desk.locator('details.toc-inline').isVisible()).toBe(false)
    expect(await desk.locator('.docs-toc .toc').isVisible()).toBe(true)
    await deskContext.close()
  })

  it('says that a start-wave diagram wider than a phone scrolls sideways', async () => {
    const { context, page } = await phonePage()
    await page.goto(`${site.url}/docs/getting-started/`)
    // The reference example's diagram, in "Next: your own application" (the starter's fits).
    // The island, not its .graph-preview: going live replaces the HTML inside it (and a
    // locator on the build's HTML then points at a detached element).
    const preview = page.locator('[data-island="graph-preview"]').last()
    await preview.scrollIntoViewIfNeeded()
    await expect.poll(() => preview.getAttribute('data-island-ready')).toBe('')
    await expect.poll(() => preview.locator('.live-scroll-hint').isVisible()).toBe(true)
    const scrolls = await preview
      .locator('.live-scroll')
      .evaluate((el) => el.scrollWidth > el.clientWidth)
    expect(scrolls).toBe(true)
    await context.close()
    const { context: deskContext, page: desk } = await newPage(site)
    await desk.setViewportSize({ width: 1366, height: 900 })
    await desk.goto(`${site.url}/docs/getting-started/`)
    expect(await desk.locator('.graph-preview .live-scroll-hint').first().isVisible()).toBe(false)
    await deskContext.close()
  })

  it('keeps the closed phone menu out of the tab order', async () => {
    const { context, page } = await phonePage()
    await page.goto(`${site.url}/docs/debugging/`)
    const reached: string[] = []
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      reached.push(
        await page.evaluate(() => (document.activeElement?.closest('#docs-sidebar') ? 'nav' : '')),
      )
    }
    expect(reached).not.toContain('nav')
    await context.close()
  })

  it('lets a table wider than a phone scroll from the keyboard, named as such', async () => {
    const { context, page } = await phonePage()
    await page.goto(`${site.url}/docs/debugging/`)
    const wide = page.locator('.table-scroll.is-scrollable').first()
    await wide.waitFor()
    expect(await wide.getAttribute('tabindex')).toBe('0')
    expect(await wide.getAttribute('aria-label')).toMatch(/scrolls sideways/)
    await wide.focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
    await context.close()
    // On a wide screen the same table fits and is no tab stop.
    const { context: wideContext, page: desk } = await newPage(site)
    await desk.setViewportSize({ width: 1600, height: 900 })
    await desk.goto(`${site.url}/docs/dependencies-and-bundles/`)
    expect(await desk.locator('.table-scroll[tabindex]').count()).toBe(0)
    await wideContext.close()
  })

  it('shows the current page in the sidebar, even far down the list', async () => {
    const { context, page, errors } = await newPage(site)
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${site.url}/docs/performance/`)
    const inSight = await page.evaluate(() => {
      const box = document.getElementById('docs-sidebar')!.getBoundingClientRect()
      const at = document
        .querySelector('#docs-sidebar a[aria-current="page"]')!
        .getBoundingClientRect()
      return at.top >= box.top && at.bottom <= box.bottom
    })
    expect(inSight).toBe(true)
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('docs page script', () => {
  it('cycles the theme from the header, keeps it across pages, and says what it will do', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/readiness/`)
    const html = page.locator('html')
    const toggle = page.locator('[data-theme-toggle]')
    expect(await html.getAttribute('data-theme')).toBe('system')
    await expect.poll(() => toggle.getAttribute('aria-label')).toMatch(/follow the system/)
    await toggle.click()
    expect(await html.getAttribute('data-theme')).toBe('light')
    await toggle.click()
    expect(await html.getAttribute('data-theme')).toBe('dark')
    expect(await toggle.getAttribute('aria-label')).toBe('Theme: dark. Switch to system.')
    expect(await toggle.locator('[data-theme-icon="dark"]').isVisible()).toBe(true)
    expect(await toggle.locator('[data-theme-icon="light"]').isVisible()).toBe(false)
    await page.goto(`${site.url}/docs/logging/`)
    expect(await html.getAttribute('data-theme')).toBe('dark')
    const bg = await page.evaluate(
      () => getComputedStyle(document.querySelector('.docs')!).backgroundColor,
    )
    expect(bg).not.toBe('rgb(255, 255, 255)')
    // The designer reads the same choice.
    await page.goto(`${site.url}/`)
    expect(await html.getAttribute('data-theme')).toBe('dark')
    expect(errors).toEqual([])
    await context.close()
  })

  it('focuses search with / and walks the results with the arrow keys', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/cli/`)
    await page.keyboard.press('/')
    const box = page.getByRole('combobox', { name: 'Search the docs' })
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('down-signal')
    const hits = page.getByTestId('search-results').locator('.search-hit')
    await expect.poll(() => hits.count()).toBeGreaterThan(1)
    expect(await hits.nth(0).getAttribute('data-active')).toBe('')
    await page.keyboard.press('ArrowDown')
    expect(await hits.nth(1).getAttribute('data-active')).toBe('')
    expect(await hits.nth(0).getAttribute('data-active')).toBeNull()
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    // Screen readers follow the highlighted option, and hear how many there are.
    const second = await page.locator('#docs-search-results li').nth(1).getAttribute('id')
    expect(await box.getAttribute('aria-activedescendant')).toBe(second)
    expect(await page.locator('.search-status').textContent()).toMatch(/^\d+ results; /)
    // Escape closes the results and keeps the focus in the field; a second one clears it.
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('search-results').isVisible()).toBe(false)
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    expect(await box.getAttribute('aria-activedescendant')).toBeNull()
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    expect(await box.inputValue()).toBe('')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows search results as text, never as HTML', async () => {
    const { context, page } = await newPage(site)
    await page.goto(`${site.url}/docs/`)
    const box = page.getByRole('combobox', { name: 'Search the docs' })
    await box.focus()
    await box.pressSequentially('<img src=x onerror=alert(1)>')
    await expect
      .poll(() => page.getByTestId('search-results').locator('.search-empty').textContent())
      .toBe('Nothing matches “<img src=x onerror=alert(1)>”.')
    expect(await page.getByTestId('search-results').locator('img').count()).toBe(0)
    await context.close()
  })

  it('keeps a live example readable, and says so, when its code cannot be loaded', async () => {
    const { context, page } = await newPage(site)
    await page.route('**/docs-client/chunks/react-root-*.js', (route) => route.abort())
    await page.goto(`${site.url}/docs/start-and-stop-order/`)
    const island = page.locator('[data-island="order-simulator"]')
    await expect.poll(() => island.getAttribute('data-island-failed')).toBe('')
    expect(await island.getAttribute('data-island-ready')).toBeNull()
    expect(await island.locator('[data-testid="start-waves"] li').count()).toBeGreaterThan(0)
    const note = await island.evaluate((el) => getComputedStyle(el, '::before').content)
    expect(note).toMatch(/could not be loaded/)
    await context.close()
  })

  it('reads the same without JavaScript: text, code, and the live examples as built', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.url}/docs/getting-started/`)
    expect(await page.locator('h1').textContent()).toBe('Getting started')
    // The starter at the top, the reference example in "Next: your own application".
    expect(await page.locator('.graph-preview svg').count()).toBe(2)
    expect(await page.getByTestId('file-contents').textContent()).toContain('#!/command/')
    expect(
      await page
        .locator('.graph-preview a.live-action')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['/?example=starter', '/?example=reference'])
    await context.close()
  })
})

/** Every script a page downloads (after scrolling to the bottom), with its gzip size. */
async function scriptsOf(path: string): Promise<{ url: string; gzip: number; text: string }[]> {
  const { context, page } = await newPage(site)
  const scripts: Promise<{ url: string; gzip: number; text: string }>[] = []
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) {
      scripts.push(
        r
          .body()
          .then((b) => ({ url: r.url(), gzip: gzipSync(b).length, text: b.toString('utf8') })),
      )
    }
  })
  await page.goto(`${site.url}${path}`)
  await page.waitForLoadState('networkidle')
  await page.mouse.wheel(0, 20_000)
  await page.waitForLoadState('networkidle')
  const result = await Promise.all(scripts)
  await context.close()
  return result
}

const total = (scripts: { gzip: number }[]) => scripts.reduce((sum, s) => sum + s.gzip, 0)

describe('docs JavaScript', () => {
  it('loads only the small docs script on a page without live examples: no React, no widget code', async () => {
    const page = await scriptsOf('/docs/readiness/')
    expect(page.length).toBeGreaterThan(0)
    expect(page.every((s) => new URL(s.url).pathname.startsWith('/docs-client/'))).toBe(true)
    expect(total(page)).toBeLessThan(16 * 1024)
    expect(page.some((s) => s.text.includes('createRoot'))).toBe(false)
    expect(page.some((s) => s.text.includes('gd-wave') || s.text.includes('order-chip'))).toBe(
      false,
    )
  })

  it("loads a widget's code only on the pages that use it", async () => {
    const withPreview = await scriptsOf('/docs/getting-started/')
    expect(withPreview.some((s) => s.text.includes('gd-wave'))).toBe(true)
    const withSimulator = await scriptsOf('/docs/start-and-stop-order/')
    expect(withSimulator.some((s) => s.text.includes('order-chip'))).toBe(true)
    expect(withSimulator.some((s) => s.text.includes('fx-tree'))).toBe(false)
  })

  it('mounts a live example only as it comes near the screen', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/getting-started/`)
    await page.waitForLoadState('networkidle')
    const explorer = page.locator('[data-island="file-explorer"]')
    // Far down the page: rendered at build time and readable, but not live, its buttons off.
    expect(
      await explorer.evaluate((el) => el.getBoundingClientRect().top > innerHeight + 400),
    ).toBe(true)
    expect(await explorer.getAttribute('data-island-ready')).toBeNull()
    expect(await explorer.getByTestId('file-contents').textContent()).toContain('#!/command/')
    expect(await explorer.locator('button.fx-row').first().isDisabled()).toBe(true)
    // The preview near the top is live already.
    await expect
      .poll(() =>
        page.locator('[data-island="graph-preview"]').first().getAttribute('data-island-ready'),
      )
      .toBe('')
    await explorer.scrollIntoViewIfNeeded()
    await expect.poll(() => explorer.getAttribute('data-island-ready')).toBe('')
    expect(await explorer.locator('button.fx-row').first().isEnabled()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
