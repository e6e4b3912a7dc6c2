/**
 * The download against the built site: the zip the browser saves is byte for byte the one the
 * CLI writes for the same graph; a design with errors asks first; the copy menu copies the
 * install command and the Dockerfile stage.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { readZip } from '@/lib/export/zip'
import { addService, longrun, oneshot } from '@/lib/graph/service-graph'
import { dockerfileStage, installCommand } from '@/lib/preview/install-snippet'
import { exportFiles } from '@/lib/generate/export-files'
import { type Site, newPage, startSite } from './harness'
import { liveGraph, openDesigner, shot } from './editor-helpers'

const run = promisify(execFile)
let site: Site
let dir: string
beforeAll(async () => {
  site = await startSite()
  dir = await mkdtemp(join(tmpdir(), 's6d-download-'))
})
afterAll(async () => {
  await site?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function cliZip(graphJson: string, name: string): Promise<Uint8Array> {
  const graphPath = join(dir, `${name}.json`)
  const out = join(dir, `${name}-cli.zip`)
  await writeFile(graphPath, graphJson)
  await run(process.execPath, ['bin/s6-designer.mjs', 'export', graphPath, '--out', out], {
    cwd: process.cwd(),
  })
  return new Uint8Array(await readFile(out))
}

/** Opens the designer on `graph`, as if it were the saved design. */
async function openSaved(page: Page, graph: unknown): Promise<void> {
  await openDesigner(site, page)
  await page.evaluate(
    (raw) => localStorage.setItem('s6d-autosave', raw),
    JSON.stringify({ v: 1, graph }),
  )
  await page.reload()
  await page.waitForSelector('.react-flow__node', { state: 'visible' })
}

describe('download', () => {
  it('saves <project>-s6.zip with the same bytes as the CLI export of the same graph', async () => {
    const { page, errors, context } = await newPage(site)
    await openDesigner(site, page)
    // Make it this session's design, edited through the store like the inspector does.
    await page.evaluate(() => {
      const store = window.__s6d!.store
      store.getState().setProject({ name: 'Ticket Desk' })
      store.getState().addService('longrun', { name: 'mailer' })
    })
    // The new service gets its place on the canvas a moment later (the layout code loads first).
    await expect.poll(async () => (await liveGraph(page)).layout.mailer !== undefined).toBe(true)
    const graph = await liveGraph(page)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download zip', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toBe('ticket-desk-s6.zip')
    const saved = join(dir, 'browser.zip')
    await download.saveAs(saved)
    const fromBrowser = new Uint8Array(await readFile(saved))
    const fromCli = await cliZip(JSON.stringify(graph), 'ticket-desk')

    // Entries, contents and modes first (readable failures), then every byte.
    const a = await readZip(fromBrowser)
    const b = await readZip(fromCli)
    expect(Object.keys(a.files)).toEqual(Object.keys(b.files))
    expect(a.modes).toEqual(b.modes)
    for (const [path, bytes] of Object.entries(b.files)) expect(a.files[path], path).toEqual(bytes)
    expect(a.files['docker/s6/rootfs/etc/s6-overlay/s6-rc.d/mailer/type']).toBeDefined()
    expect(a.modes['docker/s6/rootfs/etc/s6-overlay/s6-rc.d/mailer/run']).toBe(0o755)
    expect(a.modes['docker/s6/Dockerfile']).toBe(0o644)
    expect(Buffer.from(fromBrowser).equals(Buffer.from(fromCli))).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('asks first when the design has errors, and downloads only on "Download anyway"', async () => {
    let g = exampleById('reference')!.graph
    g = addService(
      g,
      'api',
      longrun({ run: { language: 'sh', body: 'node server.js &' }, dependencies: ['redis'] }),
    )
    g = addService(g, 'warm-cache', oneshot({ up: { language: 'sh', body: '' } }))
    const { page, errors, context } = await newPage(site)
    await openSaved(page, g)
    let downloads = 0
    page.on('download', () => downloads++)

    const button = page.getByRole('button', { name: 'Download zip', exact: true })
    await button.click()
    const dialog = page.getByRole('dialog', { name: /The design has \d+ errors?/ })
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('redis')
    await shot(page, 'preview-download-errors')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.waitForTimeout(300)
    expect(downloads).toBe(0)

    await button.click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download anyway' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('onetimesecret-s6.zip')
    expect(errors).toEqual([])
    await context.close()
  })

  it('counts a problem both validation and the export see once: a health-check URL with a blank', async () => {
    const ref = exampleById('reference')!.graph
    const g = {
      ...ref,
      project: {
        ...ref.project,
        healthcheck: {
          services: ['web'],
          url: 'http://localhost:3000/ health',
          intervalS: 30,
          timeoutS: 5,
          startPeriodS: 10,
          retries: 3,
        },
      },
    }
    const { page, errors, context } = await newPage(site)
    await openSaved(page, g)
    await page.getByRole('button', { name: 'Download zip', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: /The design has \d+ errors?/ })
    await dialog.waitFor()
    expect(await dialog.getByRole('heading').textContent()).toBe('The design has 1 error')
    const items = await dialog.locator('.export-dialog-list li').allInnerTexts()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatch(/health check URL/)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
    await context.close()
  })

  it('copies the install command and the Dockerfile stage', async () => {
    const { page, errors, context } = await newPage(site, {
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await openDesigner(site, page)
    const graph = await liveGraph(page)
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText())

    await page.getByRole('button', { name: 'More export options' }).click()
    await page.getByRole('menuitem', { name: /install command/ }).click()
    await expect.poll(clipboard).toBe(installCommand(graph))
    expect(await clipboard()).toBe(
      'unzip -o onetimesecret-s6.zip -d . && docker build -f docker/s6/Dockerfile --target final-s6 -t onetimesecret:s6 .',
    )

    await page.getByRole('button', { name: 'More export options' }).click()
    await page.getByRole('menuitem', { name: /Dockerfile stage/ }).click()
    const dockerfile = exportFiles(graph).get('docker/s6/Dockerfile')!.contents
    await expect.poll(clipboard).toBe(dockerfileStage(dockerfile))
    expect(await clipboard()).toMatch(/^FROM ruby:3\.4-slim-bookworm AS final-s6\n/)
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps jszip and the generators out of the designer until they are needed', async () => {
    const { page, errors, context } = await newPage(site)
    const scripts: string[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url())
    })
    await openDesigner(site, page)
    const loaded = async (marker: string) =>
      (
        await Promise.all(
          scripts.map(async (u) => (await (await fetch(u)).text()).includes(marker)),
        )
      ).some(Boolean)
    // jszip's own error text; a comment line of the Dockerfile generator.
    const generator = 'the chmod repeats it for checkouts that lost it'
    expect(scripts.length).toBeGreaterThan(0)
    expect(await loaded('Corrupted zip')).toBe(false)
    expect(await loaded(generator)).toBe(false)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download zip', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toBe('onetimesecret-s6.zip')
    // Both came with the first download.
    expect(await loaded('Corrupted zip')).toBe(true)
    expect(await loaded(generator)).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
