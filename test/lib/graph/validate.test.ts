import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DIAGNOSTICS } from '@/lib/graph/diagnostics'
import { renameService } from '@/lib/graph/service-graph'
import type { Diagnostic } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import { bundle, exampleGraphs, findingsOf, graphOf, longrun, oneshot } from '../../fixtures/graphs'

describe('validate: shape', () => {
  it.each([null, undefined, 42, 'graph', [], true])('reports %j as graph-shape', (input) => {
    const found = validate(input)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'graph-shape', severity: 'error' })
  })

  it('reports a missing services map and an unknown version', () => {
    expect(validate({ version: 1, project: {} }).map((d) => d.field)).toContain('services')
    const g = { ...graphOf({ web: longrun() }), version: 7 }
    expect(findingsOf(g, 'graph-shape').map((d) => d.field)).toEqual(['version'])
  })

  it('reports malformed services and fields without cascading errors', () => {
    const g = graphOf({ web: longrun({ dependencies: ['thing'] }) }) as unknown as {
      services: Record<string, unknown>
    }
    g.services.thing = { type: 'daemon' }
    g.services.odd = 7
    g.services.list = { type: 'bundle', contents: 'web' }
    const diags = validate(g)
    expect(diags.filter((d) => d.code === 'service-shape').map((d) => d.service)).toEqual([
      'list',
      'odd',
      'thing',
    ])
    expect(diags.filter((d) => d.code === 'missing-dependency')).toEqual([])
  })

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(validate(input))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on graphs with random service fields', () => {
    const service = fc.dictionary(
      fc.constantFrom(
        'type',
        'dependencies',
        'contents',
        'run',
        'up',
        'env',
        'readiness',
        'producerFor',
        'consumerFor',
        'pipelineName',
        'timeoutUp',
        'children',
      ),
      fc.oneof(
        fc.anything(),
        fc.constantFrom('oneshot', 'longrun', 'bundle'),
        fc.array(fc.string()),
      ),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.string(), service), fc.anything(), (services, project) => {
        expect(Array.isArray(validate({ version: 1, project, services, layout: {} }))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('validate: output', () => {
  const messy = graphOf({
    b: longrun({ dependencies: ['nope'], essential: true }),
    a: oneshot({ timeoutUp: -1, up: { language: 'sh', body: '' } }),
    c: bundle({ contents: ['c'] }),
  })

  it('sorts by severity, service, code and field', () => {
    const diags = validate(messy)
    const rank = { error: 0, warning: 1, info: 2 }
    const keys = diags.map((d) =>
      [rank[d.severity], d.service ?? '', d.code, d.field ?? ''].join('\u0000'),
    )
    expect(keys).toEqual([...keys].sort())
    expect(diags[0]!.severity).toBe('error')
  })

  it('is deterministic', () => {
    expect(validate(messy)).toEqual(validate(structuredClone(messy)))
  })

  it('gives every diagnostic a catalogued code with its severity, a message and a fix', () => {
    for (const d of validate(messy)) {
      const info = DIAGNOSTICS[d.code]
      expect(info, d.code).toBeDefined()
      expect(d.severity).toBe(info!.severity)
      expect(d.message.length).toBeGreaterThan(10)
      expect(d.fix).toBeTruthy()
    }
  })

  it('has a complete catalogue entry for every code', () => {
    for (const [code, info] of Object.entries(DIAGNOSTICS)) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(info.code).toBe(code)
      expect(info.title.length).toBeGreaterThan(3)
      expect(info.explanation.length).toBeGreaterThan(20)
      expect(info.fix.length).toBeGreaterThan(5)
    }
  })
})

describe('validate: built-in examples', () => {
  for (const [name, graph] of Object.entries(exampleGraphs())) {
    it(`finds no errors or warnings in ${name}`, () => {
      expect(validate(graph).filter((d) => d.severity !== 'info')).toEqual([])
    })
  }
})

describe('validate: properties', () => {
  it('finds no errors in valid random graphs', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        expect(validate(graph).filter((d) => d.severity === 'error')).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it('gives the same result after a rename, modulo the name', () => {
    const key = (d: Diagnostic, from: string, to: string) =>
      [
        d.code,
        d.severity,
        d.service === from ? to : d.service,
        d.field,
        d.file?.replace(from, to),
      ].join('|')
    fc.assert(
      fc.property(arbitraryGraph(), fc.nat(), (graph, pick) => {
        const names = Object.keys(graph.services).filter((n) => n !== 'user')
        const from = names[pick % names.length]!
        const to = 'renamed-x'
        const renamed = renameService(graph, from, to)
        expect(Object.hasOwn(renamed.services, to)).toBe(true)
        const text = JSON.stringify(renamed.services)
        expect(text.includes(`"${from}"`)).toBe(false)
        const before = validate(graph)
          .map((d) => key(d, from, to))
          .sort()
        const after = validate(renamed)
          .map((d) => key(d, to, to))
          .sort()
        expect(after).toEqual(before)
      }),
      { numRuns: 150 },
    )
  })
})
