/**
 * Validation resolves a checked copy of its input and lets the input's plans reuse that
 * resolution (and the stop plan it made) when the copy is faithful. Whatever the input, the
 * plans after a validation must be exactly the plans without one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveGraph } from '@/lib/graph/resolve'
import { longrun, oneshot } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { processTree, startPlan, stopPlan } from '@/lib/plan/plan'
import { arbitraryGraph } from '../../fixtures/arbitrary-graph'
import { graphOf } from '../../fixtures/graphs'

/** The plans of `graph` after validating it, next to the plans of an unvalidated copy. */
function plansBothWays(graph: ServiceGraph) {
  const copy = structuredClone(graph)
  validate(graph)
  const after = { start: startPlan(graph), stop: stopPlan(graph), tree: processTree(graph) }
  const fresh = { start: startPlan(copy), stop: stopPlan(copy), tree: processTree(copy) }
  return { after, fresh }
}

describe('plans after validation', () => {
  it('are the plans of the graph, for any graph', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        const { after, fresh } = plansBothWays(graph)
        expect(after).toEqual(fresh)
      }),
      { numRuns: 150 },
    )
  })

  it('reuse what validation resolved and planned for a well-formed graph', () => {
    const g = graphOf({
      web: longrun({ dependencies: ['init'], timeoutKill: 3000 }),
      init: oneshot(),
    })
    validate(g)
    const r = resolveGraph(g)
    const web = r.defs[r.ids.get('web')!]
    // The resolution holds validation's checked copy of web, not the input's object.
    expect(web).not.toBe(g.services.web)
    expect(web).toMatchObject({ type: 'longrun', dependencies: ['init'], timeoutKill: 3000 })
    expect(stopPlan(g)).toBe(stopPlan(g))
    expect(startPlan(g)).toBe(startPlan(g))
  })

  it('are not taken from validation when its copy differs from the input', () => {
    // A service validation drops (unknown type).
    const malformed = graphOf({ web: longrun({ dependencies: ['odd'] }) })
    ;(malformed.services as Record<string, unknown>).odd = { type: 'daemon', dependencies: [] }
    // A project without dependOnBase: validation's copy says true, the plans read it as false.
    const noBase = graphOf({ web: longrun() })
    delete (noBase.project as Partial<ServiceGraph['project']>).dependOnBase
    // A pipeline cycle: validation leaves the producers' implicit edges out.
    const loop = graphOf({
      a: longrun({ producerFor: 'b', consumerFor: ['b'] }),
      b: longrun({ producerFor: 'a', consumerFor: ['a'] }),
    })
    for (const graph of [malformed, noBase, loop]) {
      const input = resolveGraph(structuredClone(graph))
      const { after, fresh } = plansBothWays(graph)
      expect(after).toEqual(fresh)
      const r = resolveGraph(graph)
      // The input keeps its own resolution (its own service objects).
      const web = graph.services.web ?? graph.services.a
      expect(r.defs).toContain(web)
      expect(r.names).toEqual(input.names)
    }
  })
})
