/**
 * Builds the reference example from a blank design using only the UI (clicks, drags between
 * handles, typing) and checks the result against the built-in example.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import type { ServiceGraph } from '@/lib/graph/types'
import { type Site, newPage, startSite } from './harness'
import {
  addNamed,
  dragConnect,
  liveGraph,
  openDesigner,
  savedGraph,
  selectNode,
  shot,
  tidy,
} from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

/** The web server's settings, container variables as in the hand-written setup. */
const VARS = [
  ['SERVER_TYPE', 'puma'],
  ['PORT', '3000'],
  ['PUMA_WORKERS', '2'],
  ['PUMA_MIN_THREADS', '4'],
  ['PUMA_MAX_THREADS', '16'],
] as const

/** The parts the test builds: types, dependencies, contents, env names and values. */
function essentials(graph: ServiceGraph) {
  const typed = new Set<string>(VARS.map(([name]) => name))
  const out: Record<string, unknown> = {
    container: graph.project.env.filter((v) => typed.has(v.name)).map((v) => [v.name, v.value]),
  }
  for (const [name, s] of Object.entries(graph.services)) {
    out[name] = {
      type: s.type,
      dependencies: s.type === 'bundle' ? undefined : [...s.dependencies].sort(),
      contents: s.type === 'bundle' ? [...s.contents].sort() : undefined,
      env: s.type === 'longrun' ? s.env.map((e) => [e.name, e.value]) : undefined,
    }
  }
  return out
}

describe('designer: building the reference example by hand', () => {
  it('ends with the services, dependencies, boot bundle and env vars of the built-in example', async () => {
    const { page, errors, context } = await newPage(site)
    page.on('dialog', (d) => void d.accept())
    await openDesigner(site, page)
    await page.getByRole('button', { name: 'New blank design' }).click()
    await page.waitForFunction(
      () => Object.keys(window.__s6d!.store.getState().graph.services).length === 1,
    )
    await shot(page, 'editor-blank')
    // The notice says where the previous design went; closed, it covers no node.
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click()

    for (const name of ['redis-ready', 'config-check']) await addNamed(page, 'oneshot', name)
    for (const name of ['web', 'scheduler', 'worker']) await addNamed(page, 'longrun', name)
    await tidy(page)

    for (const longrun of ['web', 'scheduler', 'worker']) {
      for (const oneshot of ['redis-ready', 'config-check']) {
        await dragConnect(page, oneshot, longrun)
      }
    }
    // New oneshots join `user`; the reference boots only the longruns (the oneshots come along).
    await selectNode(page, 'user')
    for (const oneshot of ['redis-ready', 'config-check']) {
      await page.getByRole('button', { name: `Remove ${oneshot} from contents` }).click()
    }

    await page.getByRole('tab', { name: 'Project' }).click()
    for (const [i, [name, value]] of VARS.entries()) {
      await page.getByRole('button', { name: 'Add variable' }).click()
      await page.locator(`#f-p-env-${i}-name`).fill(name)
      await page.locator(`#f-p-env-${i}-value`).fill(value)
    }
    await tidy(page)
    await shot(page, 'editor-built-by-hand')

    const reference = exampleById('reference')!.graph
    const built = await liveGraph(page)
    expect(essentials(built)).toEqual(essentials(reference))
    // The autosave holds the same graph.
    const saved = await savedGraph(page)
    expect(saved && essentials(saved)).toEqual(essentials(reference))
    expect(errors).toEqual([])
    await context.close()
  })
})
