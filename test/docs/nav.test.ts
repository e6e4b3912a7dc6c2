import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocSource } from '@/lib/docs/content'
import { extractHeadings } from '@/lib/docs/mdx-text'
import { DOCS_NAV, docHref, docPages, findDocPage, itemHref, prevNext } from '@/lib/docs/nav'

/** Capitalised words allowed after the first: names of things. */
const PROPER = new Set([
  'Dockerfile',
  'Docker',
  'Redis',
  'Puma',
  'Compose',
  'Kubernetes',
  'Node',
  'Go',
])

/** Later words are lower case unless they are names or all-caps (PATH, CLI, PID). */
function sentenceCase(title: string): boolean {
  const [, ...rest] = title.replace(/^\d+\.\s+/, '').split(' ')
  return rest.every((w) => PROPER.has(w.replace(/[^A-Za-z]/g, '')) || !/^[A-Z][a-z]+\W*$/.test(w))
}

describe('DOCS_NAV', () => {
  it('has an MDX file for every page and a page for every MDX file', () => {
    const dir = join(process.cwd(), 'content', 'docs')
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, ''))
      .sort()
    expect(
      docPages()
        .map((p) => p.file)
        .sort(),
    ).toEqual(files)
    for (const p of docPages()) expect(existsSync(join(dir, `${p.file}.mdx`))).toBe(true)
  })

  it('uses each URL once, with the trailing slash of the static export', () => {
    const hrefs = DOCS_NAV.flatMap((s) => s.items.map(itemHref))
    expect(new Set(hrefs).size).toBe(hrefs.length)
    for (const h of hrefs) expect(h).toMatch(/^\/docs\/([a-z0-9-]+\/)*$/)
  })

  it('writes page titles and headings in sentence case', () => {
    for (const item of DOCS_NAV.flatMap((s) => s.items))
      expect(sentenceCase(item.title), item.title).toBe(true)
    for (const page of docPages()) {
      for (const h of extractHeadings(readDocSource(page))) {
        expect(sentenceCase(h.text), `${page.file}: ${h.text}`).toBe(true)
      }
    }
  })
})

describe('findDocPage', () => {
  it('finds the docs home by the empty slug and others by slug', () => {
    expect(findDocPage('')?.file).toBe('index')
    expect(findDocPage('getting-started')?.title).toBe('Getting started')
    expect(findDocPage('nope')).toBeUndefined()
  })
})

describe('prevNext', () => {
  it('links neighbours in sidebar order, across sections', () => {
    expect(prevNext(docHref('getting-started'))).toEqual({
      prev: { href: '/docs/', title: 'Overview' },
      next: { href: '/docs/service-types/', title: 'Service types' },
    })
  })

  it('has no previous page on the first page and leads to diagnostics from the last guide page', () => {
    expect(prevNext('/docs/').prev).toBeUndefined()
    expect(prevNext('/docs/cli/').next).toEqual({
      href: '/docs/performance/',
      title: 'Performance',
    })
    expect(prevNext('/docs/performance/').next).toEqual({
      href: '/docs/diagnostics/',
      title: 'Diagnostics',
    })
  })

  it('returns nothing for an unknown page', () => {
    expect(prevNext('/docs/unknown/')).toEqual({})
  })
})
