/**
 * Screenshots of the designer's main states (test-results/screenshots/), with a few checks that
 * each state really is what the picture claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { addService, longrun, oneshot } from '@/lib/graph/service-graph'
import { type Site, newPage, startSite } from './harness'
import { dragConnect, openDesigner, selectNode, shot } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

/** The reference example with a few mistakes, saved as if the user had made them. */
function withProblems(): string {
  let g = exampleById('reference')!.graph
  g = addService(
    g,
    'api',
    longrun({ run: { language: 'sh', body: 'node server.js &' }, dependencies: ['redis'] }),
  )
  g = addService(g, 'warm-cache', oneshot({ up: { language: 'sh', body: '' } }))
  return JSON.stringify({ v: 1, graph: g })
}

describe('designer screenshots', () => {
  it('first visit opens the reference example', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    expect(await page.locator('.react-flow__node').count()).toBe(6)
    await shot(page, 'editor-reference')
    await selectNode(page, 'web')
    await shot(page, 'editor-reference-web')
    await page.getByRole('tab', { name: 'Project' }).click()
    await shot(page, 'editor-project')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows problems on nodes, in the toolbar, the panel and the fields', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    await page.evaluate((raw) => localStorage.setItem('s6d-autosave', raw), withProblems())
    await page.reload()
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    await page.waitForTimeout(500)
    const counter = page.locator('.problem-counter')
    expect(Number(await counter.getAttribute('data-errors'))).toBeGreaterThan(0)
    await counter.click()
    await page.getByTestId('problems-panel').waitFor()
    await shot(page, 'editor-problems')
    // A click on a problem selects the service and focuses its field.
    await page.locator('.problem-main', { hasText: 'redis' }).first().click()
    await page.waitForSelector('.inspector[data-service="api"]')
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('[data-field]')?.getAttribute('data-field'),
      ),
    ).toMatch(/^dependencies/)
    await shot(page, 'editor-problems-field')
    // Each problem links to its docs page, which explains it.
    await page.getByRole('tab', { name: /Problems/ }).click()
    const doc = page.locator('.problem-doc', { hasText: 'missing-dependency' }).first()
    await doc.click()
    await page.waitForURL(/\/docs\/diagnostics\/missing-dependency\/$/)
    expect(await page.locator('h1').textContent()).toMatch(/depend/i)
    expect(errors).toEqual([])
    await context.close()
  })

  it('dark theme, search and a refused connection', async () => {
    const { page, errors, context } = await newPage(site, { colorScheme: 'dark' })
    await openDesigner(site, page)
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      'rgb(246, 246, 247)',
    )
    await selectNode(page, 'web')
    await shot(page, 'editor-dark')
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Service name' }).fill('wor')
    await shot(page, 'editor-search')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.inspector[data-service="worker"]')
    // Let the view finish moving to the found service.
    await page.waitForTimeout(500)
    await dragConnect(page, 'worker', 'config-check', () => shot(page, 'editor-connection-refused'))
    expect(errors).toEqual([])
    await context.close()
  })
})
