import dagre from '@dagrejs/dagre'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  NODE_SIZES,
  autoLayout,
  columnLimit,
  freeSpot,
  layoutMissing,
  startOrderEdges,
  unplaced,
} from '@/lib/graph/layout'
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

  it('puts a bundle that lists a pipeline by its name after the pipeline', () => {
    const graph = exampleById('logger-pipeline')?.graph
    if (!graph) throw new Error('logger example missing')
    expect(graph.services.user).toMatchObject({ contents: ['api-pipeline'] })
    const pos = autoLayout(graph, dagre)
    expect(pos.user!.x).toBeGreaterThan(pos.api!.x)
    expect(pos.user!.x).toBeGreaterThan(pos['api-log']!.x)
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

  it('folds a rank of hundreds of services into columns, keeping start order left to right', () => {
    const g = createGraph()
    const services: ServiceGraph['services'] = { prep: oneshot(), user: bundle({ contents: [] }) }
    const workers: string[] = []
    for (let i = 0; i < 300; i++) {
      const name = `worker-${i}`
      services[name] = longrun({ dependencies: ['prep'] })
      workers.push(name)
    }
    services.user = bundle({ contents: workers })
    const graph: ServiceGraph = { ...g, services }
    const pos = autoLayout(graph, dagre)
    const xs = Object.values(pos).map((p) => p.x)
    const ys = Object.values(pos).map((p) => p.y)
    const width = Math.max(...xs) - Math.min(...xs) + NODE_SIZES.longrun.width
    const height = Math.max(...ys) - Math.min(...ys) + NODE_SIZES.longrun.height
    // One strip of 300 nodes would be about 29,000 px tall and 900 wide.
    expect(height / width).toBeLessThan(2)
    expect(width / height).toBeLessThan(4)
    for (const [earlier, later] of startOrderEdges(graph)) {
      expect(pos[earlier]!.x, `${earlier} before ${later}`).toBeLessThan(pos[later]!.x)
    }
    const columns = new Map<number, number>()
    for (const w of workers) columns.set(pos[w]!.x, (columns.get(pos[w]!.x) ?? 0) + 1)
    expect(columns.size).toBeGreaterThan(1)
    for (const count of columns.values()) expect(count).toBeLessThanOrEqual(columnLimit(301))
    const boxes = Object.values(pos)
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!
        const b = boxes[j]!
        expect(Math.abs(a.x - b.x) >= 216 || Math.abs(a.y - b.y) >= 68).toBe(true)
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

describe('autoLayout of a design too deep for dagre', () => {
  it('lays out a chain of 3,000 services in start order, where dagre overflows the stack', () => {
    let g: ServiceGraph = createGraph()
    const services: ServiceGraph['services'] = { ...g.services }
    for (let i = 0; i < 3_000; i++)
      services[`s${i}`] = longrun({ dependencies: i > 0 ? [`s${i - 1}`] : [] })
    g = { ...g, services }
    expect(() => dagre.layout(dagreGraphOf(g))).toThrow(RangeError)
    const pos = autoLayout(g, dagre)
    expect(Object.keys(pos).length).toBe(Object.keys(services).length)
    for (const p of Object.values(pos))
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
    // Start order reads left to right, and no two nodes share a place.
    for (let i = 1; i < 3_000; i++) expect(pos[`s${i}`]!.x).toBeGreaterThan(pos[`s${i - 1}`]!.x)
    const places = new Set(Object.values(pos).map((p) => `${p.x},${p.y}`))
    expect(places.size).toBe(Object.keys(pos).length)
  }, 30_000)
})

/** The graph dagre is given for `g`: one node per service, one edge per start-order edge. */
function dagreGraphOf(g: ServiceGraph) {
  const d = new dagre.graphlib.Graph()
  d.setGraph({ rankdir: 'LR' })
  d.setDefaultEdgeLabel(() => ({}))
  for (const name of Object.keys(g.services)) d.setNode(name, { width: 200, height: 60 })
  for (const [from, to] of startOrderEdges(g)) d.setEdge(from, to)
  return d
}

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

describe('freeSpot', () => {
  const overlaps = (g: ServiceGraph, p: { x: number; y: number }, type: 'longrun' | 'bundle') =>
    Object.entries(g.layout).some(([name, q]) => {
      const a = NODE_SIZES[type]
      const b = NODE_SIZES[g.services[name]?.type ?? 'longrun']
      return (
        p.x < q.x + b.width && q.x < p.x + a.width && p.y < q.y + b.height && q.y < p.y + a.height
      )
    })

  it('puts the node centred on the spot when it is free, else next to what is there', () => {
    const g = reference()
    expect(freeSpot(g, { x: -5000, y: -5000 }, 'longrun')).toEqual({ x: -5104, y: -5040 })
    const web = g.layout.web!
    const centre = { x: web.x + 100, y: web.y + 30 }
    const spot = freeSpot(g, centre, 'longrun')
    expect(overlaps(g, spot, 'longrun')).toBe(false)
    // With only a strip right of web in sight, it goes there rather than off screen.
    const strip = { x: web.x + 240, y: web.y - 200, width: 260, height: 400 }
    const seen = freeSpot(g, centre, 'longrun', strip)
    expect(overlaps(g, seen, 'longrun')).toBe(false)
    expect(seen.x).toBeGreaterThanOrEqual(strip.x)
    expect(seen.x + 216).toBeLessThanOrEqual(strip.x + strip.width)
    // Near: within two node heights of where it was asked for.
    expect(Math.abs(spot.y + 34 - centre.y) + Math.abs(spot.x + 108 - centre.x)).toBeLessThan(400)
  })

  it('never overlaps a node on a canvas with room', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: -600, max: 600 }),
            y: fc.integer({ min: -400, max: 400 }),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -300, max: 300 }),
        fc.constantFrom('longrun' as const, 'bundle' as const),
        (points, cx, cy, type) => {
          const base = createGraph()
          const services: ServiceGraph['services'] = {}
          const layout: ServiceGraph['layout'] = {}
          points.forEach((p, i) => {
            services[`s${i}`] = i % 3 === 0 ? bundle() : longrun()
            layout[`s${i}`] = p
          })
          const g = { ...base, services, layout }
          const spot = freeSpot(g, { x: cx, y: cy }, type)
          expect(overlaps(g, spot, type)).toBe(false)
          // In sight: inside the area given, which has room.
          const seen = { x: -1000, y: -800, width: 2000, height: 1600 }
          const inSight = freeSpot(g, { x: cx, y: cy }, type, seen)
          expect(overlaps(g, inSight, type)).toBe(false)
          expect(inSight.x >= seen.x && inSight.x + NODE_SIZES[type].width <= 1000).toBe(true)
          expect(inSight.y >= seen.y && inSight.y + NODE_SIZES[type].height <= 800).toBe(true)
          expect(spot.x % 16 === 0 && spot.y % 16 === 0).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })
})
