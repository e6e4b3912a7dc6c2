/**
 * Editor features found by a review of the designer: a service's type changed from the
 * inspector's header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Site, newPage, startSite } from './harness'
import { liveGraph, openDesigner, selectNode } from './editor-helpers'

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
})
