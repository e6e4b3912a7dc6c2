import { describe, expect, it } from 'vitest'
import { diagnosticTopicLink } from '@/lib/docs/content'
import { DIAGNOSTIC_TOPICS } from '@/lib/docs/diagnostic-topics'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'

describe('DIAGNOSTIC_TOPICS', () => {
  it('sends every code of the catalogue to a section of the guide that exists', () => {
    const broken = Object.keys(DIAGNOSTICS).filter((code) => !diagnosticTopicLink(code))
    expect(broken).toEqual([])
  })

  it('lists no code the catalogue does not have', () => {
    expect(Object.keys(DIAGNOSTIC_TOPICS).filter((c) => !Object.hasOwn(DIAGNOSTICS, c))).toEqual([])
  })

  it('names the page and the section it links to', () => {
    expect(diagnosticTopicLink('no-base-dependency')).toEqual({
      href: '/docs/dependencies-and-bundles/#depending-on-base',
      title: 'Dependencies and bundles › Depending on base',
    })
    expect(diagnosticTopicLink('logutil-readiness')?.href).toBe('/docs/readiness/#ready-checks')
  })
})
