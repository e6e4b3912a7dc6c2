/**
 * How the designer page loads: static HTML painted first (the skeleton), then the editor's
 * chunks, fetched together, and the editor rendered in the skeleton's place. No Next.js runtime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import { shot } from './editor-helpers'

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
    await page.goto(`${site.url}/`)
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
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
})
