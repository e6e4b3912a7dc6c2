/**
 * Every internal link and anchor in the built docs (out/docs/**) must lead somewhere: a page
 * of the static export, and, for `#anchor` links, an element with that id on that page. The
 * search index's targets are checked the same way. Runs after `next build`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const OUT = join(process.cwd(), 'out')

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return htmlFiles(path)
    return name.endsWith('.html') ? [path] : []
  })
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}

/** The exported file that serves a URL path, as scripts/serve.mjs resolves it. */
function fileFor(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath)
  const candidates = [join(OUT, clean), join(OUT, clean, 'index.html'), join(OUT, `${clean}.html`)]
  return candidates.find((c) => existsSync(c) && statSync(c).isFile())
}

const idCache = new Map<string, Set<string>>()
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file)
  if (!ids) {
    const html = readFileSync(file, 'utf8')
    ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1] ?? '')))
    idCache.set(file, ids)
  }
  return ids
}

/** Page path of the HTML file, for resolving relative links. */
function pagePath(file: string): string {
  const rel = file.slice(OUT.length).split('\\').join('/')
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel
}

/** What is wrong with a link found on `from`, or undefined when it resolves. */
function problem(from: string, href: string): string | undefined {
  if (/^(https?:|mailto:|data:|javascript:)/.test(href) || href.startsWith('//')) return undefined
  const base = pagePath(from)
  const [pathAndQuery = '', hash] = href.split('#', 2)
  const path = pathAndQuery.split('?')[0] ?? ''
  const target =
    path === '' ? base : path.startsWith('/') ? path : posix.join(posix.dirname(base), path)
  const file = path === '' ? from : fileFor(target)
  if (!file) return `${href}: no page ${target}`
  if (hash !== undefined && hash !== '' && !idsOf(file).has(decodeURIComponent(hash))) {
    return `${href}: no element with id "${hash}" on ${target}`
  }
  return undefined
}

describe('docs links in the static export', () => {
  let pages: string[] = []

  beforeAll(() => {
    if (!existsSync(join(OUT, 'docs', 'index.html'))) {
      throw new Error('out/docs/index.html is missing: run `next build` before this test')
    }
    pages = htmlFiles(join(OUT, 'docs'))
  })

  it('builds the guide, the diagnostics index and the search index', () => {
    expect(pages.length).toBeGreaterThan(15)
    expect(existsSync(join(OUT, 'docs', 'diagnostics', 'index.html'))).toBe(true)
    expect(existsSync(join(OUT, 'docs', 'search-index.json'))).toBe(true)
  })

  it('resolves every internal link and anchor on every docs page', () => {
    const broken: string[] = []
    let checked = 0
    for (const file of pages) {
      const html = readFileSync(file, 'utf8')
      for (const m of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
        checked++
        const issue = problem(file, decode(m[1] ?? ''))
        if (issue) broken.push(`${pagePath(file)} -> ${issue}`)
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect(broken, broken.join('\n')).toEqual([])
  })

  it('points every search result at an existing page and heading', () => {
    const index = JSON.parse(readFileSync(join(OUT, 'docs', 'search-index.json'), 'utf8')) as {
      entries: { href: string }[]
    }
    const from = join(OUT, 'docs', 'index.html')
    const broken = index.entries.map((e) => problem(from, e.href)).filter(Boolean)
    expect(index.entries.length).toBeGreaterThan(50)
    expect(broken, broken.join('\n')).toEqual([])
  })
})
