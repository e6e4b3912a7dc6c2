import { describe, expect, it } from 'vitest'
import { diagnosticsFor, problemCountsFor } from '@/lib/store/selectors'
import { validate } from '@/lib/graph/validate'
import { bundle, findingsOf, graphOf, longrun, oneshot } from '../../fixtures/graphs'

describe('validate: references', () => {
  it('reports a dependency on an undefined service', () => {
    const found = findingsOf(
      graphOf({ web: longrun({ dependencies: ['postgres-ready'] }) }),
      'missing-dependency',
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      severity: 'error',
      service: 'web',
      field: 'dependencies.0',
      file: 'dependencies.d/postgres-ready',
    })
    expect(found[0]!.message).toContain('web depends on postgres-ready')
  })

  it('accepts dependencies on services, bundles, pipeline names and overlay names', () => {
    const g = graphOf({
      db: longrun(),
      backends: bundle({ contents: ['db'] }),
      app: longrun({ producerFor: 'app-log' }),
      'app-log': longrun({ consumerFor: ['app'], pipelineName: 'app-pipeline' }),
      web: longrun({ dependencies: ['db', 'backends', 'app-pipeline', 'base'] }),
    })
    expect(validate(g).filter((d) => d.severity === 'error')).toEqual([])
  })

  it('mentions a trailing carriage return in an undefined name', () => {
    const found = findingsOf(
      graphOf({ db: longrun(), web: longrun({ dependencies: ['db\r'] }) }),
      'missing-dependency',
    )
    expect(found[0]!.message).toContain('carriage return')
  })

  it('reports an undefined bundle member', () => {
    const g = graphOf({ web: longrun(), user: bundle({ contents: ['web', 'mailer'] }) })
    const found = findingsOf(g, 'missing-member')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      service: 'user',
      field: 'contents.1',
      file: 'contents.d/mailer',
    })
    expect(findingsOf(graphOf({ web: longrun() }), 'missing-member')).toEqual([])
  })

  it('warns about a name listed twice', () => {
    const g = graphOf({ db: longrun(), web: longrun({ dependencies: ['db', 'db'] }) })
    expect(findingsOf(g, 'duplicate-reference').map((d) => d.field)).toEqual(['dependencies.1'])
    expect(
      findingsOf(
        graphOf({ db: longrun(), web: longrun({ dependencies: ['db'] }) }),
        'duplicate-reference',
      ),
    ).toEqual([])
  })
})

describe('validate: cycles', () => {
  it('reports a two-service cycle with its path', () => {
    const g = graphOf({ a: oneshot({ dependencies: ['b'] }), b: oneshot({ dependencies: ['a'] }) })
    const found = findingsOf(g, 'dependency-cycle')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('a -> b -> a')
    expect(found[0]).toMatchObject({ service: 'a', file: 'dependencies.d/b' })
  })

  it('names the rest of a cycle, so the editor marks every service on it, and counts it once', () => {
    const g = graphOf({
      a: oneshot({ dependencies: ['c'] }),
      b: oneshot({ dependencies: ['a'] }),
      c: oneshot({ dependencies: ['b'] }),
    })
    const found = findingsOf(g, 'dependency-cycle')
    expect(found.map((d) => [d.service, d.also])).toEqual([['a', ['c', 'b']]])
    for (const name of ['a', 'b', 'c'])
      expect(problemCountsFor(g, name), name).toMatchObject({ errors: 1 })
    expect(diagnosticsFor(g, 'b').map((d) => d.code)).toContain('dependency-cycle')
    const self = findingsOf(graphOf({ w: longrun({ dependencies: ['w'] }) }), 'dependency-cycle')
    expect(self[0]).not.toHaveProperty('also')
  })

  it('reports a self-dependency', () => {
    const found = findingsOf(
      graphOf({ worker: longrun({ dependencies: ['worker'] }) }),
      'dependency-cycle',
    )
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('worker -> worker')
  })

  it('reports every separate cycle', () => {
    const g = graphOf({
      a: oneshot({ dependencies: ['b'] }),
      b: oneshot({ dependencies: ['a'] }),
      c: oneshot({ dependencies: ['d'] }),
      d: oneshot({ dependencies: ['c'] }),
    })
    expect(findingsOf(g, 'dependency-cycle').map((d) => d.service)).toEqual(['a', 'c'])
  })

  it('finds a cycle through a bundle', () => {
    const g = graphOf({
      a: oneshot({ dependencies: ['grp'] }),
      b: oneshot({ dependencies: ['a'] }),
      grp: bundle({ contents: ['b'] }),
    })
    const found = findingsOf(g, 'dependency-cycle')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('a -> grp -> b -> a')
    expect(found[0]!.message).toContain('grp is a bundle')
  })

  it('finds a cycle through the implicit producer -> consumer edge', () => {
    const g = graphOf({
      app: longrun({ producerFor: 'app-log' }),
      'app-log': longrun({ consumerFor: ['app'], dependencies: ['app'] }),
    })
    const found = findingsOf(g, 'dependency-cycle')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('app -> app-log -> app')
    expect(found[0]!.message).toContain('sends its output there')
  })

  it("finds a cycle through s6-overlay's legacy-services, which depends on user", () => {
    const g = graphOf({ web: longrun({ dependencies: ['legacy-services'] }) })
    expect(findingsOf(g, 'dependency-cycle')[0]!.message).toContain(
      'web -> legacy-services -> user -> web',
    )
    expect(findingsOf(g, 'dependency-cycle', 'plain')).toEqual([])
  })

  it('does not report a diamond', () => {
    const g = graphOf({
      a: oneshot(),
      b: oneshot({ dependencies: ['a'] }),
      c: oneshot({ dependencies: ['a'] }),
      d: longrun({ dependencies: ['b', 'c'] }),
    })
    expect(findingsOf(g, 'dependency-cycle')).toEqual([])
  })

  it('reports bundle cycles, nested ones too', () => {
    const direct = graphOf({ a: bundle({ contents: ['a'] }) })
    expect(findingsOf(direct, 'bundle-cycle')[0]!.message).toContain('a -> a')
    const nested = graphOf({
      a: bundle({ contents: ['b'] }),
      b: bundle({ contents: ['c'] }),
      c: bundle({ contents: ['a'] }),
    })
    const found = findingsOf(nested, 'bundle-cycle')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('a -> b -> c -> a')
    expect(findingsOf(nested, 'dependency-cycle')).toEqual([])
    const ok = graphOf({
      a: bundle({ contents: ['b'] }),
      b: bundle({ contents: ['c'] }),
      c: longrun(),
    })
    expect(findingsOf(ok, 'bundle-cycle')).toEqual([])
  })
})

describe('validate: pipelines', () => {
  it('reports a producer-for naming an undefined service', () => {
    const found = findingsOf(graphOf({ app: longrun({ producerFor: 'nope' }) }), 'pipeline-missing')
    expect(found[0]).toMatchObject({ service: 'app', field: 'producerFor', file: 'producer-for' })
  })

  it('reports a consumer-for naming an undefined service', () => {
    const found = findingsOf(
      graphOf({ log: longrun({ consumerFor: ['nope'] }) }),
      'pipeline-missing',
    )
    expect(found[0]).toMatchObject({ service: 'log', field: 'consumerFor.0', file: 'consumer-for' })
  })

  it('reports links to oneshots and bundles', () => {
    const g = graphOf({
      app: longrun({ producerFor: 'prep' }),
      prep: oneshot(),
      log: longrun({ consumerFor: ['grp'] }),
      grp: bundle(),
    })
    expect(findingsOf(g, 'pipeline-not-longrun').map((d) => d.service)).toEqual(['app', 'log'])
  })

  it('reports a link declared by the producer only', () => {
    const found = findingsOf(
      graphOf({ app: longrun({ producerFor: 'log' }), log: longrun() }),
      'pipeline-one-sided',
    )
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('log does not list app')
  })

  it('reports a link declared by the consumer only', () => {
    const found = findingsOf(
      graphOf({ app: longrun(), log: longrun({ consumerFor: ['app'] }) }),
      'pipeline-one-sided',
    )
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('app has no producer-for')
  })

  it('accepts funnels and chains declared on both sides', () => {
    const g = graphOf({
      a: longrun({ producerFor: 'mid' }),
      b: longrun({ producerFor: 'mid' }),
      mid: longrun({ consumerFor: ['a', 'b'], producerFor: 'log' }),
      log: longrun({ consumerFor: ['mid'], pipelineName: 'all' }),
    })
    expect(validate(g).filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('reports a pipeline cycle once, without a duplicate dependency cycle', () => {
    const g = graphOf({
      a: longrun({ producerFor: 'b', consumerFor: ['b'] }),
      b: longrun({ producerFor: 'a', consumerFor: ['a'] }),
    })
    const found = findingsOf(g, 'pipeline-cycle')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('a -> b -> a')
    expect(findingsOf(g, 'dependency-cycle')).toEqual([])
  })

  it('warns about a pipeline name that is not on the last consumer', () => {
    const g = graphOf({
      a: longrun({ producerFor: 'mid' }),
      mid: longrun({ consumerFor: ['a'], producerFor: 'log', pipelineName: 'p1' }),
      log: longrun({ consumerFor: ['mid'] }),
      lone: longrun({ pipelineName: 'p2' }),
    })
    const found = findingsOf(g, 'pipeline-name-ignored')
    expect(found.map((d) => d.service)).toEqual(['lone', 'mid'])
    expect(found[0]!.severity).toBe('warning')
  })

  it('treats an ignored pipeline name as undefined when referenced', () => {
    const g = graphOf({
      lone: longrun({ pipelineName: 'p' }),
      user: bundle({ contents: ['lone', 'p'] }),
    })
    expect(findingsOf(g, 'missing-member')).toHaveLength(1)
  })
})
