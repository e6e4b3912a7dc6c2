/**
 * Import in a real browser: a zip by the file picker and by drop, a folder by the folder picker,
 * the report, undo and Recent designs, and a hostile zip refused without touching the design.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { zipFiles } from '@/lib/export/zip'
import { exportFiles } from '@/lib/generate/export-files'
import type { ServiceGraph } from '@/lib/graph/types'
import { importFile, importTree, projectNameFrom } from '@/lib/import/import'
import { treeFromEntries } from '@/lib/import/tree-check'
import { buildZip, fileEntry } from '../lib/import/zip-builder'
import { type Site, newPage, startSite } from './harness'
import { addNamed, liveGraph, openDesigner, shot } from './editor-helpers'

let site: Site
let tmp: string
beforeAll(async () => {
  site = await startSite()
  tmp = mkdtempSync(join(tmpdir(), 's6d-import-'))
})
afterAll(async () => {
  await site?.close()
})

const R = 'rootfs/etc/s6-overlay/s6-rc.d'
/** A hand-written image root: services to read, a script to convert, data to keep, a v2 folder. */
const HAND_TREE: Record<string, [string, boolean?]> = {
  [`${R}/web/type`]: ['longrun\n'],
  [`${R}/web/run`]: ["#!/command/with-contenv sh\nexec nginx -g 'daemon off;'\n", true],
  [`${R}/web/notification-fd`]: ['3\n'],
  [`${R}/web/dependencies.d/migrate`]: [''],
  [`${R}/web/data/check`]: ['#!/bin/sh\ncurl -fs localhost\n', true],
  [`${R}/migrate/type`]: ['oneshot\n'],
  [`${R}/migrate/up`]: ['/etc/s6-overlay/scripts/migrate\n'],
  ['rootfs/etc/s6-overlay/scripts/migrate']: ['#!/bin/sh\nphp artisan migrate --force\n', true],
  [`${R}/user/type`]: ['bundle\n'],
  [`${R}/user/contents.d/web`]: [''],
  [`${R}/user/contents.d/migrate`]: [''],
  ['rootfs/etc/cont-init.d/10-perms']: [
    '#!/command/with-contenv sh\nchown -R www-data /srv\n',
    true,
  ],
  ['rootfs/etc/nginx/nginx.conf']: ['events {}\n'],
}

const handZip = () =>
  buildZip(Object.entries(HAND_TREE).map(([p, [text, x]]) => fileEntry(p, text, x === true)))

const withoutLayout = (g: ServiceGraph) => ({ ...g, layout: {} })

function example(id: string): ServiceGraph {
  const ex = exampleById(id)
  if (!ex) throw new Error(`no example ${id}`)
  return ex.graph
}

/** The designer with a design of the user's own (an example as it ships is not kept aside). */
async function withWork(page: Page): Promise<ServiceGraph> {
  await openDesigner(site, page, '?example=nested-bundles')
  await addNamed(page, 'longrun', 'mine-only')
  return liveGraph(page)
}

/** Waits for the import report and for the layout of every imported service. */
async function imported(page: Page): Promise<ServiceGraph> {
  await page.getByTestId('import-report').waitFor()
  await expect
    .poll(async () => {
      const g = await liveGraph(page)
      return Object.keys(g.services).every((n) => g.layout[n] !== undefined)
    })
    .toBe(true)
  return liveGraph(page)
}

async function recentNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('menuitem', { name: /Recent designs/ }).click()
  const dialog = page.getByTestId('recent-dialog')
  await dialog.waitFor()
  const names = await dialog.locator('.recent-name').allTextContents()
  await page.keyboard.press('Escape')
  return names
}

describe('import', () => {
  it('imports an exported zip from the file picker: the same design, undoable, the old one in Recent', async () => {
    const graph = example('cron-beside-app')
    const path = join(tmp, 'cron-app.zip')
    writeFileSync(path, await zipFiles(exportFiles(graph)))
    const { context, page, errors } = await newPage(site)
    const mine = await withWork(page)
    await page.getByRole('button', { name: 'Import' }).click()
    await page.waitForTimeout(150)
    await shot(page, 'import-menu')
    await page.keyboard.press('Escape')
    await page.getByTestId('import-file-input').setInputFiles(path)
    const result = await imported(page)
    expect(withoutLayout(result)).toEqual(withoutLayout(graph))
    const report = page.getByTestId('import-report')
    expect(await report.textContent()).toMatch(/cron-app\.zip/)
    // Its s6-designer.json kept the positions: the report does not say it laid them out.
    expect(Object.keys(graph.layout).length).toBeGreaterThan(0)
    expect(await report.locator('.modal-lead').textContent()).toMatch(/with its saved layout\./)
    // The export's s6-designer.json brought the project settings along.
    expect(await report.getByTestId('import-project-defaults').count()).toBe(0)
    await report.getByRole('button', { name: 'Undo import' }).click()
    expect(withoutLayout(await liveGraph(page))).toEqual(withoutLayout(mine))
    expect(await recentNames(page)).toContain(mine.project.name)
    expect(errors).toEqual([])
    await context.close()
  })

  it('imports a zip dropped on the canvas, with a report of what was read, converted and kept', async () => {
    const bytes = handZip()
    const expected = await importFile('shop.zip', bytes)
    if (!expected.ok) throw new Error(expected.error)
    const { context, page, errors } = await newPage(site)
    const mine = await withWork(page)
    await page.evaluate((data) => {
      const file = new File([new Uint8Array(data)], 'shop.zip', { type: 'application/zip' })
      const dt = new DataTransfer()
      dt.items.add(file)
      const pane = document.querySelector('.react-flow__pane') ?? document.body
      pane.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }))
      pane.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
      )
      ;(window as unknown as { __s6dDrop: () => void }).__s6dDrop = () =>
        pane.dispatchEvent(
          new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
        )
    }, Array.from(bytes))
    await page.getByTestId('drop-overlay').waitFor()
    await shot(page, 'import-drop-overlay')
    await page.evaluate(() => (window as unknown as { __s6dDrop: () => void }).__s6dDrop())
    const result = await imported(page)
    expect(await page.getByTestId('drop-overlay').count()).toBe(0)
    expect(withoutLayout(result)).toEqual(withoutLayout(expected.graph))
    expect(Object.keys(result.services).sort()).toEqual(['10-perms', 'migrate', 'user', 'web'])
    const report = page.getByTestId('import-report')
    const tallies = await report.getByTestId('import-tallies').textContent()
    const count = (a: string) => expected.report.entries.filter((e) => e.action === a).length
    expect(tallies).toContain(`${count('converted')}Converted`)
    expect(tallies).toContain(`${count('kept')}Kept verbatim`)
    expect(tallies).toContain(`${count('ignored')}Ignored`)
    expect(await report.getByTestId('import-diagnostic-counts').textContent()).toMatch(
      /0 errors.*0 warnings/,
    )
    expect(await report.textContent()).toMatch(/web\/data\/check/)
    expect(await report.locator('.modal-lead').textContent()).toMatch(/laid out automatically\./)
    // A bare tree has no project settings: the report says they are the defaults.
    expect(await report.getByTestId('import-project-defaults').textContent()).toMatch(
      /project settings .* are the designer’s defaults/,
    )
    await page.waitForTimeout(200)
    await shot(page, 'import-report')
    await report.getByRole('button', { name: 'Done' }).click()
    expect(await recentNames(page)).toContain(mine.project.name)
    expect(errors).toEqual([])
    await context.close()
  })

  it('imports a folder from the folder picker', async () => {
    const root = join(tmp, 'shop')
    for (const [p, [text]] of Object.entries(HAND_TREE)) {
      mkdirSync(dirname(join(root, p)), { recursive: true })
      writeFileSync(join(root, p), text)
    }
    const entries = Object.keys(HAND_TREE).map((p) => ({
      path: `shop/${p}`,
      bytes: new Uint8Array(readFileSync(join(root, p))),
    }))
    const tree = treeFromEntries(entries)
    if ('error' in tree) throw new Error(tree.error)
    const name = projectNameFrom('shop')
    const expected = importTree(tree, name ? { projectName: name } : {})
    if (!expected.ok) throw new Error(expected.error)
    const { context, page, errors } = await newPage(site, { colorScheme: 'dark' })
    await withWork(page)
    await page.getByTestId('import-folder-input').setInputFiles(root)
    const result = await imported(page)
    await page.waitForTimeout(200)
    await shot(page, 'import-report-dark')
    expect(withoutLayout(result)).toEqual(withoutLayout(expected.graph))
    expect(result.project.name).toBe('shop')
    expect(errors).toEqual([])
    await context.close()
  })

  it('imports a repository folder whose .git and node_modules alone pass the size limit', async () => {
    const root = join(tmp, 'repo')
    for (const [p, [text]] of Object.entries(HAND_TREE)) {
      mkdirSync(dirname(join(root, p)), { recursive: true })
      writeFileSync(join(root, p), text)
    }
    // 21 packs of 1 MB: more than the 20 MB an import reads, none of it s6.
    const pack = Buffer.alloc(1 << 20, 120)
    for (const [dir, count, bytes] of [
      ['.git/objects/pack', 21, pack],
      ['node_modules/left-pad', 20, Buffer.from('x')],
    ] as const) {
      mkdirSync(join(root, dir), { recursive: true })
      for (let i = 0; i < count; i++) writeFileSync(join(root, dir, `f${i}`), bytes)
    }
    const { context, page, errors } = await newPage(site)
    await withWork(page)
    await page.getByTestId('import-folder-input').setInputFiles(root)
    const result = await imported(page)
    expect(Object.keys(result.services)).toEqual(expect.arrayContaining(['web', 'migrate']))
    expect(errors).toEqual([])
    await context.close()
  })

  it('says in the report when the imported design has errors, apart from the remarks on files', async () => {
    const bytes = buildZip([
      fileEntry(`${R}/web/type`, 'longrun\n'),
      fileEntry(`${R}/web/run`, '#!/bin/sh\nexec web\n', true),
      fileEntry(`${R}/web/dependencies.d/ghost`, ''),
      fileEntry(`${R}/user/type`, 'bundle\n'),
      fileEntry(`${R}/user/contents.d/web`, ''),
    ])
    const path = join(tmp, 'ghost.zip')
    writeFileSync(path, bytes)
    const { context, page, errors } = await newPage(site)
    await withWork(page)
    await page.getByTestId('import-file-input').setInputFiles(path)
    await imported(page)
    const check = page.getByTestId('import-design-check')
    expect(await check.textContent()).toMatch(
      /^The design has 1 error( and \d+ warnings?)?: fix it in the Problems panel before exporting/,
    )
    expect(await check.getAttribute('class')).toContain('is-error')
    await shot(page, 'import-report-design-errors')
    // After Done, the report opens again from the Import menu (without Undo: the design moved on).
    const report = page.getByTestId('import-report')
    await report.getByRole('button', { name: 'Done' }).click()
    await report.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('menuitem', { name: /Last import report/ }).click()
    await report.waitFor()
    expect(await report.getByTestId('import-design-check').textContent()).toMatch(/1 error/)
    expect(await report.getByRole('button', { name: 'Undo import' }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('says so when the folder chosen is empty, and leaves the design alone', async () => {
    const { context, page, errors } = await newPage(site)
    const mine = await withWork(page)
    // What the browser does for an empty folder: a change with no files.
    await page
      .getByTestId('import-folder-input')
      .evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })))
    const refused = page.getByTestId('import-refused')
    await refused.waitFor()
    expect(await refused.textContent()).toMatch(/folder is empty/)
    await refused.getByRole('button', { name: 'OK' }).click()
    expect(await liveGraph(page)).toEqual(mine)
    expect(errors).toEqual([])
    await context.close()
  })

  it('refuses a hostile zip with its message and leaves the design alone', async () => {
    const bytes = buildZip([
      fileEntry(`${R}/web/type`, 'longrun\n'),
      fileEntry(`${R}/web/run`, '#!/bin/sh\nexec web\n', true),
      fileEntry('../evil', 'pwned\n'),
    ])
    const expected = await importFile('evil.zip', bytes)
    expect(expected.ok).toBe(false)
    if (expected.ok) return
    const path = join(tmp, 'evil.zip')
    writeFileSync(path, bytes)
    const { context, page, errors } = await newPage(site)
    const mine = await withWork(page)
    const history = () => page.evaluate(() => window.__s6d?.store.getState().past.length)
    const steps = await history()
    await page.getByTestId('import-file-input').setInputFiles(path)
    const refused = page.getByTestId('import-refused')
    await refused.waitFor()
    expect(await refused.textContent()).toContain(expected.error)
    expect(expected.error).toMatch(/\.\.\/evil/)
    await page.waitForTimeout(200)
    await shot(page, 'import-refused')
    await refused.getByRole('button', { name: 'OK' }).click()
    expect(await liveGraph(page)).toEqual(mine)
    // Nothing to undo: the refused import left no step.
    expect(await history()).toBe(steps)

    // Not a zip at all, dropped: refused the same way.
    await page.evaluate(() => {
      const file = new File(['just some notes'], 'notes.txt', { type: 'text/plain' })
      const dt = new DataTransfer()
      dt.items.add(file)
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      )
    })
    await refused.waitFor()
    expect(await refused.textContent()).toMatch(/notes\.txt was not imported/)
    await page.keyboard.press('Escape')
    expect(await liveGraph(page)).toEqual(mine)
    expect(errors).toEqual([])
    await context.close()
  })
})
