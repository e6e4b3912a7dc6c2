import { describe, expect, it } from 'vitest'
import { bundle, createGraph, longrun, oneshot } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { copyServices, pasteServices } from '@/lib/store/clipboard'

function app(): ServiceGraph {
  const g = createGraph()
  return {
    ...g,
    services: {
      user: bundle({ contents: ['web', 'worker'] }),
      db: oneshot(),
      web: longrun({ dependencies: ['db', 'base'] }),
      worker: longrun({ dependencies: ['db'] }),
    },
    layout: { db: { x: 0, y: 0 }, web: { x: 300, y: 0 } },
  }
}

describe('copyServices', () => {
  it('keeps only the selection, its positions and its boot membership', () => {
    const fragment = copyServices(app(), ['web', 'db', 'user'])
    expect(Object.keys(fragment.services).sort()).toEqual(['db', 'user', 'web'])
    expect(fragment.services.user).toEqual(bundle({ contents: ['web'] }))
    expect(fragment.layout).toEqual({ db: { x: 0, y: 0 }, web: { x: 300, y: 0 } })
  })

  it('survives a JSON round trip', () => {
    const fragment = copyServices(app(), ['web'])
    expect(JSON.parse(JSON.stringify(fragment))).toEqual(fragment)
  })
})

describe('pasteServices', () => {
  it('renames clashing names and remaps references inside the fragment', () => {
    const source = app()
    const { graph, names } = pasteServices(source, copyServices(source, ['db', 'web']))
    expect(names).toEqual(['db-2', 'web-2'])
    const web2 = graph.services['web-2']
    // db is remapped to the pasted copy; base (outside the fragment) is kept.
    expect(web2?.type === 'longrun' && web2.dependencies).toEqual(['db-2', 'base'])
    // The original is untouched and keeps its reference.
    expect(graph.services.web).toBe(source.services.web)
    expect(graph.layout['web-2']).toEqual({ x: 340, y: 40 })
    const user = graph.services.user
    expect(user?.type === 'bundle' && user.contents).toEqual(['web', 'worker', 'web-2'])
  })

  it('keeps free names as they are', () => {
    const target = createGraph()
    const { graph, names } = pasteServices(target, copyServices(app(), ['worker', 'db']))
    expect(names.sort()).toEqual(['db', 'worker'])
    const worker = graph.services.worker
    expect(worker?.type === 'longrun' && worker.dependencies).toEqual(['db'])
  })

  it('remaps pipeline links and pipeline names', () => {
    const g = createGraph()
    const source: ServiceGraph = {
      ...g,
      services: {
        user: bundle({ contents: ['api-pipeline'] }),
        api: longrun({ producerFor: 'api-log' }),
        'api-log': longrun({ consumerFor: ['api'], pipelineName: 'api-pipeline' }),
      },
    }
    const { graph } = pasteServices(source, copyServices(source, ['api', 'api-log']))
    const api2 = graph.services['api-2']
    const log2 = graph.services['api-log-2']
    expect(api2?.type === 'longrun' && api2.producerFor).toBe('api-log-2')
    expect(log2?.type === 'longrun' && log2.consumerFor).toEqual(['api-2'])
    expect(log2?.type === 'longrun' && log2.pipelineName).toBe('api-pipeline-2')
  })
})
