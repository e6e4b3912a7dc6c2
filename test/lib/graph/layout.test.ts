import dagre from '@dagrejs/dagre'
import { describe, expect, it } from 'vitest'
import { autoLayout, layoutMissing, startOrderEdges, unplaced } from '@/lib/graph/layout'
import { bundle, createGraph, longrun, oneshot } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { builtinExamples, exampleById } from '@/lib/examples'

function reference(): ServiceGraph {
  const ex = exampleById('reference')
  if (!ex) throw new Error('reference example missing')
  return ex.graph
}

describe('autoLayout', () => {
  it('places every dependency left of its dependents and members left of their bundle', () => {
    const g = reference()
    const pos = autoLayout(g, dagre)
    expect(Object.keys(pos).sort()).toEqual(Object.keys(g.services).sort())
    for (const [earlier, later] of startOrderEdges(g)) {
      expect(pos[earlier]!.x, `${earlier} before ${later}`).toBeLessThan(pos[later]!.x)
    }
  })

  it('puts the logger before the service it logs', () => {
    const g = createGraph()
    const graph: ServiceGraph = {
      ...g,
      services: {
        user: bundle({ contents: ['api'] }),
        api: longrun({ producerFor: 'api-log' }),
        'api-log': longrun({ consumerFor: ['api'] }),
      },
    }
    const pos = autoLayout(graph, dagre)
    expect(pos['api-log']!.x).toBeLessThan(pos.api!.x)
  })

  it('snaps to the grid, ignores unknown names and is deterministic', () => {
    const g = createGraph()
    const graph: ServiceGraph = {
      ...g,
      services: {
        ...g.services,
        a: oneshot({ dependencies: ['base'] }),
        b: longrun({ dependencies: ['a'] }),
      },
    }
    const first = autoLayout(graph, dagre)
    expect(autoLayout(graph, dagre)).toEqual(first)
    for (const p of Object.values(first)) {
      expect(p.x % 16).toBe(0)
      expect(p.y % 16).toBe(0)
    }
  })

  it('does not overlap nodes', () => {
    const pos = Object.values(autoLayout(reference(), dagre))
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        const a = pos[i]!
        const b = pos[j]!
        const apart = Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 60
        expect(apart).toBe(true)
      }
    }
  })
})

describe('layoutMissing', () => {
  it('lays out everything when nothing has a position', () => {
    const g = { ...reference(), layout: {} }
    expect(Object.keys(layoutMissing(g, dagre)).sort()).toEqual(Object.keys(g.services).sort())
  })

  it('places only the missing services, below the others', () => {
    const g = { ...reference(), layout: {} }
    const graph = { ...g, layout: { web: { x: 0, y: 0 }, worker: { x: 0, y: 100 } } }
    const pos = layoutMissing(graph, dagre)
    expect(pos.web).toBeUndefined()
    expect(Object.keys(pos)).toHaveLength(Object.keys(g.services).length - 2)
    for (const p of Object.values(pos)) expect(p.y).toBeGreaterThan(100)
  })

  it('returns nothing when every service is placed', () => {
    const g = createGraph()
    expect(layoutMissing({ ...g, layout: { user: { x: 0, y: 0 } } }, dagre)).toEqual({})
  })
})

describe('the built-in examples', () => {
  it.each(builtinExamples().map((e) => [e.id, e.graph] as const))(
    '%s carries the layout the designer would give it, so opening it needs no layout engine',
    (_, graph) => {
      expect(unplaced(graph)).toEqual([])
      expect(graph.layout).toEqual(autoLayout({ ...graph, layout: {} }, dagre))
    },
  )
})
