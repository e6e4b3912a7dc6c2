/**
 * The page-weight budgets, from the production build (bytes are stable, so these are tests;
 * `npm run bench` prints the same figures in its table).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  designerStartChunks,
  initialScriptBytes,
  initialScripts,
  OUT,
  PAGE_BUDGETS,
  staticImports,
} from '../../bench/page-weight'

describe('page weight', () => {
  it.each(PAGE_BUDGETS)('loads at most $budgetKb KB gzip of JavaScript at start: $label', (b) => {
    expect(existsSync(join(OUT, b.page)), 'run `npm run build` first').toBe(true)
    const { total, files } = initialScriptBytes(b.page)
    expect(files.length).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(b.budgetKb * 1024)
  })

  it('counts what a module script imports statically, not what it imports later', () => {
    expect(
      staticImports('import"./a.js";import{x as y}from"../b.js";const c=import("./c.js")'),
    ).toEqual(['./a.js', '../b.js'])
    // The docs script's shared chunk is reached by a static import, not by a tag in the page.
    const html = readFileSync(join(OUT, 'docs/cli/index.html'), 'utf8')
    const { files } = initialScriptBytes('docs/cli/index.html')
    expect(files.length).toBeGreaterThan(initialScripts(html).length)
  })

  it("counts the editor the designer's script loads at start, and the page loads no Next.js runtime", () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8')
    const manifest = JSON.parse(
      readFileSync(join(OUT, 'designer-client', 'manifest.json'), 'utf8'),
    ) as { entry: string; start: string[] }
    expect(initialScripts(html)).toContain(manifest.entry)
    // The chunks it loads once the page has painted (the editor itself) are weighed too.
    expect(manifest.start.length).toBeGreaterThan(0)
    expect(designerStartChunks('index.html')).toEqual(manifest.start)
    const { files } = initialScriptBytes('index.html')
    const counted = files.map(([url]) => url)
    for (const chunk of manifest.start) expect(counted).toContain(chunk)
    const code = counted.map((url) => readFileSync(join(OUT, url), 'utf8')).join('\n')
    expect(code).toContain('react-flow__renderer')
    expect(initialScripts(html).filter((url) => url.startsWith('/_next/'))).toEqual([])
    expect(designerStartChunks('docs/cli/index.html')).toEqual([])
  })
})
