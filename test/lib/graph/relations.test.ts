import { describe, expect, it } from 'vitest'
import { relationsOf } from '@/lib/graph/relations'
import { bundle, graphOf, longrun, oneshot } from '../../fixtures/graphs'

describe('relationsOf', () => {
  // prep <- db <- web <- api-bundle; web logs to web-log (web needs its logger).
  const graph = graphOf(
    {
      prep: oneshot(),
      db: longrun({ dependencies: ['prep'] }),
      web: longrun({ dependencies: ['db'], producerFor: 'web-log' }),
      'web-log': longrun({ consumerFor: ['web'], pipelineName: 'web-pipeline' }),
      'api-bundle': bundle({ contents: ['web'] }),
      alone: longrun(),
      outer: bundle({ contents: ['api-bundle'] }),
    },
    { user: ['outer', 'web-pipeline'], project: { dependOnBase: false } },
  )

  it('lists what names a service directly, and what stops and starts with it', () => {
    expect(relationsOf(graph, 'db')).toEqual({
      neededBy: ['web'],
      stops: ['web'],
      starts: ['prep'],
    })
    expect(relationsOf(graph, 'prep')).toEqual({
      neededBy: ['db'],
      stops: ['db', 'web'],
      starts: [],
    })
  })

  it('follows the implicit edge of a pipeline: the producer stops with its logger', () => {
    const log = relationsOf(graph, 'web-log')
    expect(log.neededBy).toEqual(['web', 'web-pipeline'])
    expect(log.stops).toEqual(['web'])
    expect(relationsOf(graph, 'web').starts).toEqual(['db', 'prep', 'web-log'])
    expect(relationsOf(graph, 'web').neededBy).toEqual(['api-bundle', 'web-pipeline'])
  })

  it('gives a bundle its members, nested ones too, and what needs them', () => {
    expect(relationsOf(graph, 'outer')).toEqual({
      neededBy: ['user'],
      stops: ['web'],
      starts: ['db', 'prep', 'web', 'web-log'],
    })
    expect(relationsOf(graph, 'user').neededBy).toEqual(['top'])
    expect(relationsOf(graph, 'user').stops).toEqual(['web', 'web-log'])
  })

  it('leaves an unlisted service alone and shows s6-overlay services it starts', () => {
    expect(relationsOf(graph, 'alone')).toEqual({ neededBy: [], stops: [], starts: [] })
    const based = graphOf({ web: longrun() }, { project: { dependOnBase: true } })
    expect(relationsOf(based, 'web').starts).toEqual(['fix-attrs', 'legacy-cont-init'])
  })

  it('stays finite on a cycle and knows nothing of undefined names', () => {
    const cycle = graphOf(
      { a: longrun({ dependencies: ['b'] }), b: longrun({ dependencies: ['a'] }) },
      { project: { dependOnBase: false } },
    )
    expect(relationsOf(cycle, 'a')).toEqual({
      neededBy: ['b', 'user'],
      stops: ['b'],
      starts: ['b'],
    })
    expect(relationsOf(cycle, 'nope')).toEqual({ neededBy: [], stops: [], starts: [] })
    expect(relationsOf(cycle, 'base')).toEqual({ neededBy: [], stops: [], starts: [] })
  })
})
