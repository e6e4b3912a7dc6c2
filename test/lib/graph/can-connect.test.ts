import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addBundleMember, addDependency } from '@/lib/graph/service-graph'
import { needersOf } from '@/lib/graph/resolve'
import { canConnect, nameProblem, validate } from '@/lib/graph/validate'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import { bundle, graphOf, longrun, oneshot } from '../../fixtures/graphs'

const g = graphOf({
  'redis-ready': oneshot(),
  web: longrun({ dependencies: ['redis-ready'] }),
  worker: longrun({ dependencies: ['web'] }),
  backends: bundle({ contents: ['web'] }),
  app: longrun({ producerFor: 'app-log' }),
  'app-log': longrun({ consumerFor: ['app'], pipelineName: 'app-pipeline' }),
})

describe('canConnect', () => {
  it('makes a dependency from a oneshot or longrun, to a service or a bundle', () => {
    expect(canConnect(g, 'worker', 'redis-ready')).toEqual({ ok: true, kind: 'dependency' })
    expect(canConnect(g, 'worker', 'backends')).toEqual({ ok: true, kind: 'dependency' })
    expect(canConnect(g, 'worker', 'app-pipeline')).toEqual({ ok: true, kind: 'dependency' })
    expect(canConnect(g, 'worker', 'base')).toEqual({ ok: true, kind: 'dependency' })
  })

  it('makes a membership from a bundle', () => {
    expect(canConnect(g, 'backends', 'worker')).toEqual({ ok: true, kind: 'membership' })
    expect(canConnect(g, 'user', 'app-pipeline')).toEqual({ ok: true, kind: 'membership' })
  })

  it('refuses self-edges, unknown and reserved names and existing edges', () => {
    expect(canConnect(g, 'web', 'web')).toEqual({
      ok: false,
      reason: 'web cannot depend on itself.',
    })
    expect(canConnect(g, 'backends', 'backends')).toMatchObject({
      ok: false,
      reason: 'backends cannot contain itself.',
    })
    expect(canConnect(g, 'ghost', 'web')).toMatchObject({ ok: false })
    expect(canConnect(g, 'web', 'ghost')).toMatchObject({
      ok: false,
      reason: 'ghost is not defined.',
    })
    expect(canConnect(g, 'web', 's6rc-oneshot-runner')).toMatchObject({ ok: false })
    expect(canConnect(g, 'web', 'redis-ready')).toEqual({
      ok: false,
      reason: 'web already depends on redis-ready.',
    })
    expect(canConnect(g, 'backends', 'web')).toEqual({
      ok: false,
      reason: 'backends already contains web.',
    })
  })

  it('refuses dependency cycles, direct and transitive', () => {
    expect(canConnect(g, 'redis-ready', 'web')).toEqual({
      ok: false,
      reason: 'That would make a cycle: redis-ready -> web -> redis-ready',
    })
    expect(canConnect(g, 'redis-ready', 'worker')).toMatchObject({
      reason: 'That would make a cycle: redis-ready -> worker -> web -> redis-ready',
    })
  })

  it('refuses cycles through bundles, pipelines and s6-overlay services', () => {
    expect(canConnect(g, 'redis-ready', 'backends')).toMatchObject({ ok: false })
    expect(canConnect(g, 'app-log', 'app')).toMatchObject({
      reason: 'That would make a cycle: app-log -> app -> app-log',
    })
    expect(canConnect(g, 'app-log', 'app-pipeline')).toMatchObject({ ok: false })
    expect(canConnect(g, 'web', 'legacy-services')).toMatchObject({
      reason: 'That would make a cycle: web -> legacy-services -> user -> web',
    })
    expect(canConnect(g, 'web', 'user')).toMatchObject({ ok: false })
  })

  it('refuses memberships that close a bundle or dependency cycle', () => {
    const nested = graphOf({
      a: bundle({ contents: ['b'] }),
      b: bundle(),
      x: longrun({ dependencies: ['b'] }),
    })
    expect(canConnect(nested, 'b', 'a')).toMatchObject({
      reason: 'That would make a bundle cycle: b -> a -> b',
    })
    expect(canConnect(nested, 'b', 'x')).toMatchObject({
      reason: 'That would make a cycle: b -> x -> b',
    })
  })

  it('never lets validate find a cycle after an accepted edge', () => {
    fc.assert(
      fc.property(arbitraryGraph({ maxServices: 10 }), fc.nat(), fc.nat(), (graph, i, j) => {
        const names = Object.keys(graph.services)
        const from = names[i % names.length]!
        const to = names[j % names.length]!
        const result = canConnect(graph, from, to)
        if (!result.ok) return
        const next =
          result.kind === 'membership'
            ? addBundleMember(graph, from, to)
            : addDependency(graph, from, to)
        const cycles = validate(next).filter(
          (d) => d.code === 'dependency-cycle' || d.code === 'bundle-cycle',
        )
        expect(cycles).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('refuses every edge that would make a cycle', () => {
    fc.assert(
      fc.property(arbitraryGraph({ maxServices: 10 }), fc.nat(), fc.nat(), (graph, i, j) => {
        const names = Object.keys(graph.services)
        const from = names[i % names.length]!
        const to = names[j % names.length]!
        const s = graph.services[from]!
        const next =
          s.type === 'bundle' ? addBundleMember(graph, from, to) : addDependency(graph, from, to)
        const cyclic = validate(next).some(
          (d) => d.code === 'dependency-cycle' || d.code === 'bundle-cycle',
        )
        if (cyclic) expect(canConnect(graph, from, to).ok).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('needersOf names exactly what may not be added to a service without a cycle', () => {
    // user holds every atomic service of g; s6-overlay's top and legacy-services need user.
    const aboveUser = ['legacy-services', 'top', 'user']
    expect([...needersOf(g, 'web')].sort()).toEqual(['backends', ...aboveUser, 'worker'].sort())
    expect([...needersOf(g, 'app-log')].sort()).toEqual(['app', 'app-pipeline', ...aboveUser])
    expect([...needersOf(g, 'ghost')]).toEqual([])
    const cyclic = (graph: typeof g) =>
      validate(graph).some((d) => d.code === 'dependency-cycle' || d.code === 'bundle-cycle')
    fc.assert(
      fc.property(arbitraryGraph({ maxServices: 10 }), fc.nat(), fc.nat(), (graph, i, j) => {
        if (cyclic(graph)) return
        const names = Object.keys(graph.services)
        const from = names[i % names.length]!
        const to = names[j % names.length]!
        const s = graph.services[from]!
        if (from === to || (s.type === 'bundle' ? s.contents : s.dependencies).includes(to)) return
        const next =
          s.type === 'bundle' ? addBundleMember(graph, from, to) : addDependency(graph, from, to)
        expect(needersOf(graph, from).has(to)).toBe(cyclic(next))
      }),
      { numRuns: 300 },
    )
  })

  it('is fast on a 2,000-service graph', () => {
    const services: Record<string, ReturnType<typeof longrun>> = {}
    for (let i = 0; i < 2000; i++)
      services[`s${i}`] = longrun({ dependencies: i > 0 ? [`s${i - 1}`] : [] })
    const big = graphOf(services)
    const started = performance.now()
    for (let k = 0; k < 20; k++) expect(canConnect(big, 's0', 's1999').ok).toBe(false)
    expect((performance.now() - started) / 20).toBeLessThan(20)
  })
})

describe('nameProblem', () => {
  it('explains why a name cannot be used', () => {
    expect(nameProblem(g, '')).toBe('The name is empty.')
    expect(nameProblem(g, 'a b')).toContain('space')
    expect(nameProblem(g, 's6rc-x')).toContain('reserves')
    expect(nameProblem(g, 'base')).toContain("s6-overlay's own services")
    expect(nameProblem(g, 'user2')).toContain('boot bundles')
    expect(nameProblem(g, 'web')).toBe('web is already the name of a service.')
    expect(nameProblem(g, 'app-pipeline')).toBe('app-pipeline is already the name of a pipeline.')
  })

  it('accepts free names and keeping the current name', () => {
    expect(nameProblem(g, 'mailer')).toBeUndefined()
    expect(nameProblem(g, 'constructor')).toBeUndefined()
    expect(nameProblem(g, 'web', 'web')).toBeUndefined()
    expect(nameProblem(g, 'worker', 'web')).toBeDefined()
  })
})
