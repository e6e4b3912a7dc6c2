/**
 * Share links in a real browser: copy a link in one page and open it in another browser; open
 * one over local work (the choice, Recent designs); long links; bad links of every kind.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { longrun } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { toBase64Url } from '@/lib/share/base64url'
import { decodeShareLink, encodeShareLink, linkChecksum } from '@/lib/share/codec'
import { deflateRaw } from '@/lib/share/compress'
import { exampleById } from '@/lib/examples'
import { type Site, newPage, startSite } from './harness'
import { addNamed, liveGraph, openDesigner, savedGraph, shot } from './editor-helpers'

let site: Site
beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.close()
})

const CLIPBOARD = ['clipboard-read', 'clipboard-write']

/** Clicks Share, waits for the link, and returns it as the field shows it. */
async function share(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const field = page.getByRole('textbox', { name: 'Share link' })
  await expect.poll(() => field.inputValue()).toMatch(/#s6g=/)
  return field.inputValue()
}

/** Loads a graph into the live store, as an import would. */
async function load(page: Page, graph: ServiceGraph): Promise<void> {
  await page.evaluate((g) => window.__s6d?.store.getState().loadGraph(g), graph)
  await page.waitForTimeout(300)
}

const withoutLayout = (g: ServiceGraph) => ({ ...g, layout: {} })

function example(id: string): ServiceGraph {
  const ex = exampleById(id)
  if (!ex) throw new Error(`no example ${id}`)
  return ex.graph
}

describe('share links', () => {
  it('copies a link that opens the same design in another browser', async () => {
    const a = await newPage(site, { permissions: CLIPBOARD })
    await openDesigner(site, a.page, '?example=logger-pipeline')
    await addNamed(a.page, 'longrun', 'shared-api')
    const url = await share(a.page)
    const popover = a.page.getByTestId('share-popover')
    await expect.poll(() => popover.textContent()).toMatch(/Link copied/)
    expect(await a.page.evaluate(() => navigator.clipboard.readText())).toBe(url)
    expect(await popover.getByTestId('share-length').textContent()).toContain(
      `${url.length.toLocaleString('en')} characters`,
    )
    await a.page.mouse.move(0, 0)
    await shot(a.page, 'share-popover')
    const sent = await liveGraph(a.page)

    const b = await newPage(site)
    await b.page.goto(url)
    await b.page.waitForFunction(() => window.__s6d !== undefined)
    await expect
      .poll(async () => Object.keys((await liveGraph(b.page)).services))
      .toContain('shared-api')
    expect(await liveGraph(b.page)).toEqual(sent)
    // The fragment is gone, so a reload opens the autosave (the same design).
    expect(new URL(b.page.url()).hash).toBe('')
    expect(await savedGraph(b.page)).toEqual(sent)
    await b.page.reload()
    await b.page.waitForFunction(() => window.__s6d !== undefined)
    expect(await liveGraph(b.page)).toEqual(sent)
    expect(await b.page.getByTestId('open-link-dialog').count()).toBe(0)
    expect([...a.errors, ...b.errors]).toEqual([])
    await a.context.close()
    await b.context.close()
  })

  it('opens a link whose # a chat app wrote as %23 (it arrives as a path the site does not have)', async () => {
    const shared = example('nested-bundles')
    const fragment = await encodeShareLink(shared)
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/%23${fragment}`)
    await page.waitForURL((url) => url.pathname === '/' && url.hash === `#${fragment}`)
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    await expect
      .poll(async () => Object.keys((await liveGraph(page)).services).sort())
      .toEqual(Object.keys(shared.services).sort())
    // The 404 status of the first address is the only console error.
    expect(errors.filter((e) => !/404/.test(e))).toEqual([])
    await context.close()
  })

  it('says that a declined built-in example stays in the Examples menu (it is not stored)', async () => {
    const fragment = await encodeShareLink(example('nested-bundles'))
    const { context, page, errors } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'mine-only')
    await page.goto(`${site.url}/#${fragment}`)
    const dialog = page.getByTestId('open-link-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toMatch(/built-in example.*stays in the Examples menu/)
    await dialog.getByRole('button', { name: 'Keep mine' }).click()
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/Kept your design\. The example is in the Examples menu\./)
    expect(errors).toEqual([])
    await context.close()
  })

  it('asks before opening a link over local work, and keeps the other design in Recent', async () => {
    // A design of someone's own (an example as it ships is not kept aside: the menu has it).
    const ex = example('nested-bundles')
    const shared = { ...ex, project: { ...ex.project, name: 'their-design' } }
    const fragment = await encodeShareLink(shared)
    const { context, page, errors } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'mine-only')
    const mine = await savedGraph(page)
    expect(mine?.services['mine-only']).toBeDefined()

    // A new tab opening the link: the choice appears over the user's own design.
    const tab = await context.newPage()
    tab.on('pageerror', (e) => errors.push(String(e)))
    await tab.goto(`${site.url}/#${fragment}`)
    const dialog = tab.getByTestId('open-link-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain(shared.project.name)
    expect(await dialog.textContent()).toMatch(/Recent designs/)
    await tab.waitForTimeout(200)
    await shot(tab, 'share-link-choice')
    await dialog.getByRole('button', { name: 'Keep mine' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(withoutLayout(await liveGraph(tab))).toEqual(withoutLayout(mine as ServiceGraph))
    expect(new URL(tab.url()).hash).toBe('')

    // The shared design is in Recent designs; opening it puts the user's own there.
    await tab.getByRole('button', { name: 'Import' }).click()
    await tab.getByRole('menuitem', { name: /Recent designs/ }).click()
    const recent = tab.getByTestId('recent-dialog')
    await recent.waitFor()
    expect(await recent.textContent()).toMatch(/shared link you did not open/)
    await tab.waitForTimeout(200)
    await shot(tab, 'share-recent')
    await recent.getByRole('button', { name: `Open ${shared.project.name}` }).click()
    await expect
      .poll(async () => withoutLayout(await liveGraph(tab)))
      .toEqual(withoutLayout(shared))
    await tab.getByRole('button', { name: 'Import' }).click()
    await tab.getByRole('menuitem', { name: /Recent designs/ }).click()
    const names = await tab.getByTestId('recent-dialog').locator('.recent-name').allTextContents()
    expect(names).toContain(mine?.project.name)
    await tab.keyboard.press('Escape')

    // The same link arriving on an open page (hashchange): open it this time; undo brings
    // the previous design back.
    const other = example('reference')
    await load(tab, { ...other, services: { ...other.services, extra: longrun() } })
    const before = await liveGraph(tab)
    await tab.evaluate((f) => (window.location.hash = f), fragment)
    const again = tab.getByTestId('open-link-dialog')
    await again.waitFor()
    await again.getByRole('button', { name: 'Open the shared design' }).click()
    await expect
      .poll(async () => withoutLayout(await liveGraph(tab)))
      .toEqual(withoutLayout(shared))
    expect(new URL(tab.url()).hash).toBe('')
    await tab.getByTestId('notice').getByRole('button', { name: 'Undo' }).click()
    expect(withoutLayout(await liveGraph(tab))).toEqual(withoutLayout(before))
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the design an ?example= link replaced in Recent designs', async () => {
    const { context, page, errors } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'longrun', 'before-example')
    const mine = await savedGraph(page)
    await openDesigner(site, page, '?example=nested-bundles')
    expect(withoutLayout(await liveGraph(page))).toEqual(withoutLayout(example('nested-bundles')))
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/previous design is in Import › Recent designs/)
    await page.getByRole('button', { name: 'Examples' }).click()
    expect(await page.getByRole('menuitem').allTextContents()).not.toContainEqual(
      expect.stringMatching(/Recent/),
    )
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('menuitem', { name: /Recent designs/ }).click()
    const recent = page.getByTestId('recent-dialog')
    await recent.waitFor()
    expect(await recent.textContent()).toMatch(/replaced by an example/)
    await recent.getByRole('button', { name: `Open ${mine?.project.name}` }).click()
    await expect
      .poll(async () => Object.keys((await liveGraph(page)).services))
      .toContain('before-example')
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens the autosave, not the example again, when an ?example= page is reloaded', async () => {
    const { context, page, errors } = await newPage(site)
    await openDesigner(site, page, '?example=nested-bundles')
    await expect.poll(() => new URL(page.url()).search).toBe('')
    await addNamed(page, 'longrun', 'after-example')
    expect(Object.keys((await savedGraph(page))?.services ?? {})).toContain('after-example')
    await page.reload()
    await page.waitForFunction(() => window.__s6d !== undefined)
    expect(Object.keys((await liveGraph(page)).services)).toContain('after-example')
    expect(errors).toEqual([])
    await context.close()
  })

  it('lays out a shared design that has no positions', async () => {
    const shared = { ...example('cron-beside-app'), layout: {} }
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/#${await encodeShareLink(shared)}`)
    await page.waitForFunction(() => window.__s6d !== undefined)
    // The link is read after the designer has started (a first visit starts on the reference
    // example, fully laid out): wait for the shared design itself, then for its positions.
    await expect.poll(async () => withoutLayout(await liveGraph(page))).toEqual(shared)
    await expect
      .poll(async () => {
        const g = await liveGraph(page)
        return Object.keys(g.services).filter((n) => g.layout[n] === undefined)
      })
      .toEqual([])
    expect(await page.locator('.react-flow__node').count()).toBe(
      Object.keys(shared.services).length,
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens a shared design on a first visit without showing the example first', async () => {
    const shared = example('cron-beside-app')
    const { context, page, errors } = await newPage(site)
    // Every name the top bar shows, from the page's first parse on.
    await page.addInitScript(() => {
      const names: string[] = []
      ;(window as unknown as { __names: string[] }).__names = names
      new MutationObserver(() => {
        const name = document.querySelector('.topbar .project-name')?.textContent
        if (name && names.at(-1) !== name) names.push(name)
      }).observe(document, { childList: true, subtree: true, characterData: true })
    })
    await page.goto(`${site.url}/#${await encodeShareLink(shared)}`)
    await expect.poll(async () => (await liveGraph(page)).project.name).toBe(shared.project.name)
    const names = await page.evaluate(() => (window as unknown as { __names: string[] }).__names)
    expect(names.length).toBeGreaterThan(0)
    expect(names.join(' | ')).not.toContain(example('reference').project.name)
    expect(await page.getByTestId('notice').textContent()).toMatch(/Opened the shared design/)
    // A reload opens the autosave, not the link again.
    await expect.poll(() => new URL(page.url()).hash).toBe('')
    // The link handler, which reads the link too, does not take the cleared address for a bad link.
    await page.waitForTimeout(600)
    expect(await page.getByTestId('link-error').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('warns about long links and offers the graph file instead', async () => {
    const { context, page, errors } = await newPage(site, { permissions: CLIPBOARD })
    await openDesigner(site, page)
    const base = example('reference')
    // Random text does not compress, so the link grows with it.
    const noise = (n: number) =>
      Array.from({ length: n }, (_, i) => ((i * 7919) % 4093).toString(36)).join('')
    const sized = (chars: number): ServiceGraph => ({
      ...base,
      project: { ...base.project, name: 'big-shop' },
      services: {
        ...base.services,
        web: { ...longrun(), description: noise(chars) },
        vault: {
          ...longrun(),
          env: [{ name: 'TOKEN', value: 'hunter2', secret: true }],
        },
      },
    })
    await load(page, sized(900))
    let url = await share(page)
    expect(url.length).toBeGreaterThan(2000)
    expect(url.length).toBeLessThan(8000)
    expect(await page.getByTestId('share-long').textContent()).toMatch(/chat apps cut links/)
    expect(await page.getByTestId('share-length').textContent()).toMatch(
      /1 secret value is left out/,
    )
    // The link never carries a secret's value.
    const decoded = await decodeShareLink(url)
    expect(decoded.ok && decoded.graph.services.vault).toMatchObject({
      env: [{ name: 'TOKEN', value: '', secret: true }],
    })
    await page.keyboard.press('Escape')

    await load(page, sized(6000))
    url = await share(page)
    expect(url.length).toBeGreaterThan(8000)
    const popover = page.getByTestId('share-popover')
    expect(await popover.getByTestId('share-too-long').textContent()).toMatch(/graph JSON file/)
    await page.mouse.move(0, 0)
    await shot(page, 'share-long-link')
    const download = page.waitForEvent('download')
    await popover.getByRole('button', { name: 'Download graph JSON' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('big-shop.s6graph.json')
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as ServiceGraph
    expect(Object.keys(saved.services)).toContain('vault')
    expect(JSON.stringify(saved)).not.toContain('hunter2')
    expect(errors).toEqual([])
    await context.close()
  })

  it('selects the link for copying by hand when the clipboard is unavailable', async () => {
    const { context, page, errors } = await newPage(site, { colorScheme: 'dark' })
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      })
      document.execCommand = () => false
    })
    await openDesigner(site, page)
    const url = await share(page)
    const popover = page.getByTestId('share-popover')
    expect(await popover.textContent()).toMatch(/Press Ctrl\+C to copy/)
    const selected = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement
      return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0)
    })
    expect(selected).toBe(url)
    await page.mouse.move(0, 0)
    await shot(page, 'share-popover-dark')
    expect(errors).toEqual([])
    await context.close()
  })
})

/** A fragment with a correct checksum around any JSON text, compressed like a real link. */
async function forged(json: string): Promise<string> {
  const packed = await deflateRaw(new TextEncoder().encode(json))
  return `s6g=1.d.${linkChecksum(json)}.${toBase64Url(packed)}`
}

describe('docs links', () => {
  it('"Open in designer" carries the graph the page shows and opens it', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/docs/`)
    const link = page
      .locator('.graph-preview[data-example="reference"]')
      .getByRole('link', { name: /Open in designer/ })
    await expect.poll(() => link.getAttribute('href')).toMatch(/^\/\?example=reference#s6g=/)
    const decoded = await decodeShareLink((await link.getAttribute('href')) ?? '')
    expect(decoded.ok && withoutLayout(decoded.graph)).toEqual(withoutLayout(example('reference')))
    await link.click()
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    await expect.poll(() => new URL(page.url()).hash).toBe('')
    // Once open, the address no longer names the example: a reload opens the autosave.
    expect(new URL(page.url()).search).toBe('')
    expect(withoutLayout(await liveGraph(page))).toEqual(withoutLayout(example('reference')))
    expect(await page.getByTestId('open-link-dialog').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('links from a newer designer', () => {
  it('says which parts of the design it left out', async () => {
    const graph = example('reference')
    const newer = {
      ...graph,
      project: { ...graph.project, name: 'newer-fields', colorTheme: 'dark' },
      services: { ...graph.services, web: { ...graph.services.web, cpuLimit: 2 } },
    }
    const fragment = await forged(JSON.stringify({ v: 1, g: newer }))
    const expected = await decodeShareLink(fragment)
    expect(expected.ok && expected.notes.length).toBeGreaterThan(0)
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/#${fragment}`)
    const notice = page.getByTestId('notice')
    // Over the design a first visit opens on, the page may ask first.
    const dialog = page.getByTestId('open-link-dialog')
    await Promise.race([dialog.waitFor(), notice.waitFor()])
    if ((await dialog.count()) > 0)
      await dialog.getByRole('button', { name: 'Open the shared design' }).click()
    await expect
      .poll(() => notice.textContent())
      .toMatch(/Opened the shared design.*left out \(.*cpuLimit/)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('bad links', () => {
  it('says what is wrong with each, keeps the design and throws nothing', async () => {
    const good = await encodeShareLink(example('reference'))
    const payload = good.split('.').at(-1) ?? ''
    const flipped = payload[40] === 'A' ? 'B' : 'A'
    const bomb = await forged(`{"v":1,"g":"${'0'.repeat(6_000_000)}"}`)
    const cases: [string, string][] = [
      ['truncated', good.slice(0, Math.floor(good.length * 0.6))],
      ['altered', good.replace(payload, payload.slice(0, 40) + flipped + payload.slice(41))],
      [
        'random bytes',
        `s6g=1.d.AAAAAA.${toBase64Url(new Uint8Array(300).map((_, i) => (i * 73) % 251))}`,
      ],
      ['not base64', 's6g=1.d.AAAAAA.%%%%'],
      ['newer format', good.replace('s6g=1.', 's6g=7.')],
      ['wrong shape', await forged('{"v":1,"g":{"services":[1,2,3]}}')],
      ['not a design', await forged('[1,2,3]')],
      ['decompression bomb', bomb],
      ['missing parts', 's6g=1.d'],
    ]
    const { context, page, errors } = await newPage(site)
    await openDesigner(site, page)
    await addNamed(page, 'oneshot', 'precious')
    const before = await liveGraph(page)
    for (const [label, fragment] of cases) {
      const expected = await decodeShareLink(fragment)
      expect(expected.ok, label).toBe(false)
      if (expected.ok) continue
      await page.evaluate((f) => (window.location.hash = f), fragment)
      const banner = page.getByTestId('link-error')
      await expect.poll(() => banner.textContent(), { message: label }).toContain(expected.error)
      expect(await banner.textContent()).toMatch(/Your design is unchanged/)
      if (label === 'altered') {
        await page.waitForTimeout(250)
        await shot(page, 'share-bad-link')
      }
      expect(await liveGraph(page), label).toEqual(before)
      // The link stays in the address, to reload once the page is newer, or to look at.
      expect(new URL(page.url()).hash, label).toContain('s6g=')
      await banner.getByRole('button', { name: 'Dismiss' }).click()
    }
    // The designer is still usable, and the design survives a reload.
    await addNamed(page, 'longrun', 'after')
    expect((await savedGraph(page))?.services.after).toBeDefined()
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the message when the page starts from a bad link', async () => {
    const { context, page, errors } = await newPage(site)
    await page.goto(`${site.url}/#s6g=1.d.AAAAAA.broken`)
    const banner = page.getByTestId('link-error')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/damaged/)
    await page.waitForSelector('.react-flow__node', { state: 'visible' })
    expect(Object.keys((await liveGraph(page)).services).length).toBeGreaterThan(1)
    expect(errors).toEqual([])
    await context.close()
  })
})
