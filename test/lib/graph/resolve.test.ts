import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  closureIds,
  edgeKind,
  idsOf,
  needsOf,
  pipelineMembers,
  resolveGraph,
  topologicalOrder,
} from '@/lib/graph/resolve'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import { bundle, graphOf, longrun, oneshot } from '../../fixtures/graphs'

const needNames = (graph: Parameters<typeof resolveGraph>[0], name: string, options = {}) => {
  const r = resolveGraph(graph, options)
  return needsOf(r, r.ids.get(name)!).map((id) => r.names[id])
}

describe('resolveGraph', () => {
  it('resolves a graph once per context, and a new graph anew', () => {
    const g = graphOf({ web: longrun({ dependencies: ['db'] }), db: longrun() })
    const first = resolveGraph(g)
    expect(resolveGraph(g)).toBe(first)
    expect(resolveGraph(g, { context: 'overlay' })).toBe(first)
    expect(resolveGraph(g, { context: 'plain' })).not.toBe(first)
    expect(resolveGraph(g, { context: 'plain' })).toBe(resolveGraph(g, { context: 'plain' }))
    // Options that change the result are never taken from what was kept; options that say
    // what the defaults say share it (validation passes them explicitly).
    const base = g.project.dependOnBase
    expect(resolveGraph(g, { implicitBase: !base })).not.toBe(first)
    expect(resolveGraph(g, { skipProducerEdges: new Set(['web']) })).not.toBe(first)
    expect(resolveGraph(g, { implicitBase: base })).toBe(first)
    expect(resolveGraph(g, { implicitBase: base, skipProducerEdges: new Set() })).toBe(first)
    const edited = graphOf({ web: longrun(), db: longrun() })
    expect(needNames(edited, 'web')).not.toContain('db')
    expect(needNames(g, 'web')).toContain('db')
  })

  it('adds s6-overlay services in the overlay context only', () => {
    const g = graphOf({ web: longrun() })
    const overlay = resolveGraph(g)
    for (const name of [
      'base',
      'top',
      'fix-attrs',
      'legacy-cont-init',
      'legacy-services',
      'user2',
    ]) {
      expect(overlay.overlay[overlay.ids.get(name)!]).toBe(true)
    }
    expect(overlay.overlay[overlay.ids.get('user')!]).toBe(false)
    const plain = resolveGraph(g, { context: 'plain' })
    expect(plain.ids.has('base')).toBe(false)
  })

  it('uses the overlay definition for a redefined overlay name', () => {
    const g = graphOf({ base: oneshot({ dependencies: ['web'] }), web: longrun() })
    expect(needNames(g, 'base')).toEqual(['fix-attrs', 'legacy-cont-init'])
  })

  it('adds the implicit edges: producer -> consumer, and base when the project says so', () => {
    const g = graphOf({
      app: longrun({ producerFor: 'log' }),
      log: longrun({ consumerFor: ['app'] }),
    })
    const r = resolveGraph(g)
    const app = r.ids.get('app')!
    expect(needsOf(r, app).map((id) => r.names[id])).toEqual(['log', 'base'])
    expect(needsOf(r, app).map((id) => edgeKind(r, app, id))).toEqual(['producer', 'base'])
    expect(needNames(g, 'app', { implicitBase: false })).toEqual(['log'])
    expect(
      needNames(g, 'app', { skipProducerEdges: new Set(['app']), implicitBase: false }),
    ).toEqual([])
  })

  it('makes a node of each effective pipeline name, with the whole pipeline as members', () => {
    const g = graphOf({
      a: longrun({ producerFor: 'mid' }),
      b: longrun({ producerFor: 'mid' }),
      mid: longrun({ consumerFor: ['a', 'b'], producerFor: 'log' }),
      log: longrun({ consumerFor: ['mid'], pipelineName: 'all' }),
      lone: longrun({ pipelineName: 'ignored' }),
    })
    const r = resolveGraph(g)
    expect(r.kinds[r.ids.get('all')!]).toBe('pipeline')
    expect(r.ids.has('ignored')).toBe(false)
    expect(needNames(g, 'all')).toEqual(['a', 'b', 'log', 'mid'])
    expect(pipelineMembers(g, 'log')).toEqual(['a', 'b', 'log', 'mid'])
  })

  it('deduplicates edges and skips unknown names', () => {
    const g = graphOf({ db: longrun(), web: longrun({ dependencies: ['db', 'db', 'ghost'] }) })
    expect(needNames(g, 'web', { implicitBase: false })).toEqual(['db'])
  })
})

describe('closureIds', () => {
  it('expands nested bundles and pulls in dependencies and loggers', () => {
    const g = graphOf({
      prep: oneshot(),
      app: longrun({ dependencies: ['prep'], producerFor: 'log' }),
      log: longrun({ consumerFor: ['app'] }),
      inner: bundle({ contents: ['app'] }),
      outer: bundle({ contents: ['inner'] }),
      other: longrun(),
    })
    const r = resolveGraph(g, { implicitBase: false })
    expect(closureIds(r, idsOf(r, ['outer'])).map((id) => r.names[id])).toEqual([
      'app',
      'log',
      'prep',
    ])
    expect(closureIds(r, idsOf(r, ['log'])).map((id) => r.names[id])).toEqual(['log'])
  })
})

describe('topologicalOrder', () => {
  it('orders needs first, ties by name, bundles expanded', () => {
    const g = graphOf({
      web: longrun({ dependencies: ['backends'] }),
      backends: bundle({ contents: ['db', 'cache'] }),
      db: longrun({ dependencies: ['migrate'] }),
      cache: longrun(),
      migrate: oneshot(),
      zeta: oneshot(),
    })
    expect(topologicalOrder(g)).toEqual({
      ok: true,
      order: ['cache', 'migrate', 'db', 'web', 'zeta'],
    })
  })

  it('puts a producer after its consumer', () => {
    const g = graphOf({ a: longrun({ producerFor: 'b' }), b: longrun({ consumerFor: ['a'] }) })
    expect(topologicalOrder(g)).toEqual({ ok: true, order: ['b', 'a'] })
  })

  it('includes overlay services on request', () => {
    const g = graphOf({ web: longrun() })
    expect(topologicalOrder(g, { includeOverlay: true })).toEqual({
      ok: true,
      order: ['fix-attrs', 'legacy-cont-init', 'web', 'legacy-services'],
    })
  })

  it('returns a cycle instead of an order', () => {
    const g = graphOf({ a: oneshot({ dependencies: ['b'] }), b: oneshot({ dependencies: ['a'] }) })
    expect(topologicalOrder(g)).toEqual({ ok: false, cycle: ['a', 'b', 'a'] })
    const bundles = graphOf({ x: bundle({ contents: ['y'] }), y: bundle({ contents: ['x'] }) })
    expect(topologicalOrder(bundles)).toEqual({ ok: false, cycle: ['x', 'y', 'x'] })
  })

  it('puts every dependency before its dependent, deterministically', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        const result = topologicalOrder(graph)
        if (!result.ok) throw new Error(`unexpected cycle ${result.cycle.join(' -> ')}`)
        const position = new Map(result.order.map((n, i) => [n, i]))
        const r = resolveGraph(graph, { implicitBase: false })
        for (const name of result.order) {
          const id = r.ids.get(name)!
          for (const dep of closureIds(r, needsOf(r, id))) {
            const depName = r.names[dep]!
            if (position.has(depName))
              expect(position.get(depName)!).toBeLessThan(position.get(name)!)
          }
        }
        expect(topologicalOrder(structuredClone(graph))).toEqual(result)
      }),
      { numRuns: 200 },
    )
  })
})
