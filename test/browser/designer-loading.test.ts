/**
 * How the designer page loads: static HTML painted first (the skeleton), then the editor's
 * chunks, fetched together, and the editor rendered in the skeleton's place. No Next.js runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import { openDesigner, shot } from './editor-helpers'

let site: Site

beforeAll(async () => {
  site = await startSite()
})

afterAll(async () => {
  await site.close()
})

interface Loaded {
  name: string
  startTime: number
  responseEnd: number
}

describe('designer page loading', () => {
  it('paints the skeleton before it fetches the editor, then renders the editor in its place', async () => {
    const { context, page, errors } = await newPage(site)
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    await openDesigner(site, page)
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming
        return {
          name: new URL(r.name).pathname,
          startTime: r.startTime,
          responseEnd: r.responseEnd,
        }
      }),
    )
    const stylesheet = loaded.find((e: Loaded) =>
      /^\/designer-client\/designer-.*\.css$/.test(e.name),
    )
    const chunks = loaded.filter((e: Loaded) => e.name.startsWith('/designer-client/chunks/'))
    expect(stylesheet).toBeDefined()
    expect(chunks.length).toBeGreaterThan(1)
    // The page cannot paint before its stylesheet is in, and the script asks for the chunks
    // only after a paint: they never compete with what the first paint needs.
    for (const chunk of chunks)
      expect(chunk.startTime).toBeGreaterThanOrEqual(stylesheet!.responseEnd)
    // The editor took the skeleton's place, inside the page's designer element.
    expect(await page.locator('#designer .app[aria-busy="true"]').count()).toBe(0)
    expect(await page.locator('#designer .app .react-flow').count()).toBe(1)
    expect(await page.locator('h1').textContent()).toBe('s6 Designer')
    expect(await page.title()).toBe('s6 Designer')
    expect(requested.filter((path) => path.startsWith('/_next/') && path.endsWith('.js'))).toEqual(
      [],
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it("says so when the editor's code cannot be loaded, instead of loading for ever", async () => {
    const { context, page } = await newPage(site)
    await page.route('**/designer-client/chunks/mount-*.js', (route) => route.abort())
    await page.goto(`${site.url}/`)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/could not be loaded.*reload the page/)
    expect(await page.locator('#designer .app').getAttribute('aria-busy')).toBeNull()
    await shot(page, 'designer-load-failure')
    await context.close()
  })

  it("gives each page its own styles: none of the docs' rules on the designer", async () => {
    const { context, page, errors } = await newPage(site)
    const selectors = () =>
      page.evaluate(() =>
        [...document.styleSheets].flatMap((sheet) =>
          [...sheet.cssRules].map((r) => (r as CSSStyleRule).selectorText ?? ''),
        ),
      )
    await page.goto(`${site.url}/docs/getting-started/`)
    expect((await selectors()).some((s) => s.includes('.prose'))).toBe(true)
    await page.setViewportSize({ width: 700, height: 800 })
    await openDesigner(site, page)
    const designer = await selectors()
    expect(designer.some((s) => s.includes('.react-flow'))).toBe(true)
    expect(designer.some((s) => s.includes('.prose'))).toBe(false)
    // The docs' narrow header hid a .brand-name; the designer's name stays in its top bar.
    expect(await page.locator('.topbar .brand-name').isVisible()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('says so in place of a part whose code cannot be loaded, and keeps the rest working', async () => {
    const { context, page } = await newPage(site)
    await page.route('**/designer-client/chunks/shortcuts-dialog-*.js', (route) => route.abort())
    await openDesigner(site, page)
    await page.keyboard.press('?')
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/saved design is kept/)
    expect(await alert.getByRole('button', { name: 'Reload' }).count()).toBe(1)
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(0)
    await shot(page, 'designer-part-failure')
    await context.close()
  })

  it('does not reload on the brand link when already on the designer: the undo history stays', async () => {
    const { context, page, errors } = await newPage(site)
    await openDesigner(site, page)
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))
    await page.getByTitle('s6 Designer home').click()
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the narrow note hidden from the first paint when this tab hid it', async () => {
    const { context, page } = await newPage(site)
    await page.setViewportSize({ width: 700, height: 800 })
    await page.goto(`${site.url}/`)
    await page.getByRole('button', { name: 'Hide' }).click()
    // Without the designer's script, only the page itself can hide it.
    await page.route('**/designer-client/designer-*.js', (route) => route.abort())
    await page.reload()
    expect(await page.locator('.narrow-note').isHidden()).toBe(true)
    await context.close()
  })

  it('says the designer needs JavaScript when it is off, instead of loading for ever', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.url}/`)
    const text = await page.locator('.skeleton-canvas').innerText()
    expect(text).toMatch(/needs JavaScript/)
    expect(text).not.toMatch(/Loading/)
    await context.close()
  })
})
