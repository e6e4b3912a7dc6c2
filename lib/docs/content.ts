/**
 * Reads the guide's MDX sources from disk (build time only: the docs route, its metadata and
 * the search index). Node-only, framework-free.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DiagnosticInfo } from '../graph/diagnostics'
import { diagnosticHref } from './diagnostic-pages'
import { diagnosticTopic } from './diagnostic-topics'
import { extractHeadings } from './mdx-text'
import type { DocPage, NavSection } from './nav'
import { DOCS_NAV, docHref, docPages } from './nav'
import type { IndexSource, SearchIndex } from './search-index'
import { buildSearchIndex } from './search-index'
import { tableSearchEntries } from './table-search'

/** Where the MDX files live, relative to the project root. */
export const DOCS_DIR = join('content', 'docs')

/** The MDX source of a page. Throws when the file is missing: the build should fail loudly. */
export function readDocSource(page: DocPage, root: string = process.cwd()): string {
  return readFileSync(join(root, DOCS_DIR, `${page.file}.mdx`), 'utf8')
}

/** Every page of the guide plus one per diagnostic code, ready for buildSearchIndex. */
export function searchSources(
  diagnostics: Record<string, DiagnosticInfo>,
  nav: readonly NavSection[] = DOCS_NAV,
  root: string = process.cwd(),
): IndexSource[] {
  const pages: IndexSource[] = docPages(nav).map((page) => ({
    href: docHref(page.slug),
    title: page.title,
    description: page.description,
    source: readDocSource(page, root),
  }))
  const codes: IndexSource[] = Object.values(diagnostics).map((d) => ({
    href: diagnosticHref(d.code),
    title: `${d.code}: ${d.title}`,
    description: `${d.severity} · ${d.explanation}`,
    source: `## How to fix it\n\n${d.fix}`,
  }))
  return [...pages, ...codes]
}

/**
 * The index /docs/search-index.json serves: every page's sections, one entry per diagnostic,
 * and one per row of the tables MDX renders from data (S6_* settings, s6-overlay releases).
 */
export function buildDocsSearchIndex(
  diagnostics: Record<string, DiagnosticInfo>,
  nav: readonly NavSection[] = DOCS_NAV,
  root: string = process.cwd(),
): SearchIndex {
  const sources = searchSources(diagnostics, nav, root)
  const index = buildSearchIndex(sources)
  return { ...index, entries: [...index.entries, ...tableSearchEntries(sources)] }
}

/** Where a diagnostic page's "Learn more" link goes, with the page and section it names. */
export interface TopicLink {
  href: string
  /** "Page title › Section heading", or the page title alone. */
  title: string
}

/**
 * The guide section a diagnostic code belongs to (DIAGNOSTIC_TOPICS), or undefined when the
 * code has none, its page is not in the nav, or the section is not a heading of that page.
 */
export function diagnosticTopicLink(
  code: string,
  nav: readonly NavSection[] = DOCS_NAV,
  root: string = process.cwd(),
): TopicLink | undefined {
  const topic = diagnosticTopic(code)
  if (!topic) return undefined
  const page = docPages(nav).find((p) => p.slug === topic.slug)
  if (!page) return undefined
  if (topic.anchor === undefined) return { href: docHref(page.slug), title: page.title }
  const heading = extractHeadings(readDocSource(page, root)).find((h) => h.id === topic.anchor)
  if (!heading) return undefined
  return {
    href: `${docHref(page.slug)}#${heading.id}`,
    title: `${page.title} › ${heading.text}`,
  }
}
