import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OverlayVersionsTable } from '@/components/docs/overlay-versions-table'
import { S6SettingsTable } from '@/components/docs/s6-settings-table'
import { buildDocsSearchIndex, searchSources } from '@/lib/docs/content'
import {
  buildSearchIndex,
  correctedQuery,
  editDistance,
  highlightParts,
  searchDocs,
  searchDocsForgiving,
  searchTerms,
} from '@/lib/docs/search-index'
import { releaseAnchor, settingAnchor, tableSearchEntries } from '@/lib/docs/table-search'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'
import { S6_SETTINGS } from '@/lib/graph/overlay'

const index = buildSearchIndex([
  {
    href: '/docs/a/',
    title: 'Readiness',
    description: 'Wait for daemons.',
    source:
      'Intro text.\n\n## Ready checks\n\nUse `s6-notifyoncheck` with data/check.\n\n#### Deep\n\nmore',
  },
  {
    href: '/docs/b/',
    title: 'Debugging',
    description: 'Look inside.',
    source: '## Supervisor state\n\nRun `s6-svstat /run/service/web`.',
  },
])

describe('buildSearchIndex', () => {
  it('makes one entry per page intro and per h2/h3, keeping deeper headings in the text', () => {
    expect(index.entries.map((e) => e.href)).toEqual([
      '/docs/a/',
      '/docs/a/#ready-checks',
      '/docs/b/',
      '/docs/b/#supervisor-state',
    ])
    expect(index.entries[1]?.text).toBe('Use s6-notifyoncheck with data/check. Deep more')
  })

  it('indexes every docs page and every diagnostic code', () => {
    const real = buildSearchIndex(searchSources(DIAGNOSTICS))
    const pages = new Set(real.entries.map((e) => e.href.split('#')[0]))
    expect(pages.has('/docs/getting-started/')).toBe(true)
    for (const code of Object.keys(DIAGNOSTICS))
      expect(pages.has(`/docs/diagnostics/${code}/`)).toBe(true)
  })
})

describe('searchDocs', () => {
  it('finds a section by a word in its body and returns a snippet around it', () => {
    const [hit] = searchDocs(index, 's6-svstat')
    expect(hit?.entry.href).toBe('/docs/b/#supervisor-state')
    expect(hit?.snippet).toContain('s6-svstat')
  })

  it('needs every term to match and ranks title matches first', () => {
    expect(searchDocs(index, 's6-svstat notifyoncheck')).toEqual([])
    expect(searchDocs(index, 'readiness')[0]?.entry.href).toBe('/docs/a/')
  })

  it('puts the page a query names first, before its sections named after it too', () => {
    const real = buildDocsSearchIndex(DIAGNOSTICS)
    for (const [query, href] of [
      ['readiness', '/docs/readiness/'],
      ['Logging', '/docs/logging/'],
    ] as const)
      expect(searchDocs(real, query)[0]?.entry.href, query).toBe(href)
  })

  it('returns nothing for an empty query', () => {
    expect(searchDocs(index, '  ')).toEqual([])
  })
})

describe('searchTerms', () => {
  it('keeps dashes, dots and slashes inside words', () => {
    expect(searchTerms('S6-RC -a  /run/service/web.')).toEqual(['s6-rc', 'a', 'run/service/web'])
  })
})

describe('highlightParts', () => {
  it('puts every occurrence of a term, in any case, at an odd index', () => {
    expect(highlightParts('Run s6-svc, then S6-SVC -u.', ['s6-svc'])).toEqual([
      'Run ',
      's6-svc',
      ', then ',
      'S6-SVC',
      ' -u.',
    ])
  })

  it('treats terms as text, not patterns, and leaves text without terms whole', () => {
    expect(highlightParts('a.b axb', ['a.b'])).toEqual(['', 'a.b', ' axb'])
    expect(highlightParts('plain', [])).toEqual(['plain'])
  })
})

describe('search with typos', () => {
  const real = buildSearchIndex(searchSources(DIAGNOSTICS))

  it('measures edit distance with swaps, and gives up past the limit', () => {
    expect(editDistance('dependancy', 'dependency', 2)).toBe(1)
    expect(editDistance('notifcation', 'notification', 2)).toBe(1)
    expect(editDistance('teh', 'the', 1)).toBe(1)
    expect(editDistance('readiness', 'logging', 2)).toBe(3)
  })

  it('finds what a misspelled query means, and says what it searched', () => {
    for (const [typed, meant] of [
      ['notifcation fd', 'notification fd'],
      ['dependancy', 'dependency'],
      ['enviroment variables', 'environment variables'],
      ['S6_BEHAVIOR_IF_STAGE2_FAILS', 's6_behaviour_if_stage2_fails'],
    ] as const) {
      expect(searchDocs(real, typed), typed).toEqual([])
      const found = searchDocsForgiving(real, typed)
      expect(found.corrected, typed).toBe(meant)
      expect(found.hits.length, typed).toBeGreaterThan(0)
    }
  })

  it('leaves a query that matches, or one with nothing close, as it is', () => {
    expect(searchDocsForgiving(real, 'readiness').corrected).toBeUndefined()
    expect(searchDocsForgiving(real, 'readiness').hits.length).toBeGreaterThan(0)
    expect(searchDocsForgiving(real, 'xylophone quasar')).toEqual({ hits: [] })
    expect(correctedQuery(real, 'cat')).toBeUndefined()
  })
})

describe('the docs search index', () => {
  const docs = buildDocsSearchIndex(DIAGNOSTICS)

  it('finds an S6_* setting by name, on its own row of the environment page', () => {
    const hit = searchDocs(docs, 'S6_READ_ONLY_ROOT')[0]
    expect(hit?.entry.href).toBe('/docs/environment-variables/#S6_READ_ONLY_ROOT')
    expect(hit?.entry.section).toBe('S6_READ_ONLY_ROOT')
  })

  it('has one entry per setting and per supported s6-overlay release', () => {
    for (const s of S6_SETTINGS)
      expect(docs.entries.map((e) => e.href)).toContain(
        `/docs/environment-variables/#${settingAnchor(s.name)}`,
      )
    const hit = searchDocs(docs, '3.1.6.2')[0]
    expect(hit?.entry.href).toBe(`/docs/dockerfile/#${releaseAnchor('3.1.6.2')}`)
    expect(hit?.entry.text).toContain('5 s')
  })

  it('links to ids the tables render', () => {
    const html =
      renderToStaticMarkup(createElement(S6SettingsTable)) +
      renderToStaticMarkup(createElement(OverlayVersionsTable))
    for (const e of tableSearchEntries(searchSources(DIAGNOSTICS)))
      expect(html).toContain(`id="${e.href.split('#')[1]}"`)
  })
})
